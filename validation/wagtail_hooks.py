"""Admin wiring: contributors' explorer and choosers without other institutions' practices; the proposals panel."""

from wagtail import hooks

from validation.dashboard import ProposalsPanel
from validation.permissions import contributor_groups, hide_others_drafts


@hooks.register("construct_explorer_page_queryset")
def hide_in_explorer(parent_page, pages, request):
    return hide_others_drafts(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_in_chooser(pages, request):
    return hide_others_drafts(pages, request.user)


@hooks.register("construct_homepage_panels")
def add_proposals_panel(request, panels):
    if contributor_groups(request.user):
        panels.append(ProposalsPanel(request.user))
