"""Admin wiring: contributors' explorer, choosers and search without other institutions' practices; the proposals
panel."""

from wagtail import hooks

from validation.dashboard import ProposalsPanel
from validation.permissions import contributor_groups, hide_others_drafts
from validation.search_view import ValidationPageViewSet


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


@hooks.register("register_admin_viewset", order=100)
def register_page_viewset():
    """After translation's review viewset (order 0), so the registry routes every page model's views here."""
    return ValidationPageViewSet("validation_pages")
