"""Admin wiring: contributors' explorer, choosers and search without other institutions' practices; the proposals
panel; the administrators' "Invite a contributor"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from validation.admin_views import InviteContributorView, can_invite
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


@hooks.register("register_admin_urls")
def register_invite_url():
    return [path("validation/invite/", InviteContributorView.as_view(), name="validation_invite")]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_invite(request.user)


@hooks.register("register_settings_menu_item")
def register_invite_menu_item():
    return AdministratorsMenuItem(_("Invite a contributor"), reverse("validation_invite"), icon_name="mail", order=610)
