"""The organisers' registrations in the admin: a menu item, the event page's header button, and the URLs."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from events.models import EventPage
from registrations import admin_views
from translation.policies import editor_locales

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("event/<int:page_id>/", admin_views.event_registrations, name="event"),
    path("event/<int:page_id>/<int:pk>/", admin_views.act, name="act"),
    path("event/<int:page_id>/export.<str:file_format>", admin_views.export_list, name="export"),
    path("event/<int:page_id>/message/", admin_views.message, name="message"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("registrations/", include((urlpatterns, "registrations_admin"), namespace="registrations_admin"))]


class OrganiserMenuItem(MenuItem):
    """Shown to the editors of at least one locale (and administrators): the organisers."""

    def is_shown(self, request):
        return bool(editor_locales(request.user))


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return OrganiserMenuItem(_("Registrations"), reverse("registrations_admin:index"), icon_name="group", order=460)


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name, next_url=None):
    """On an event taking registrations on the portal, for its organisers: its list of registrations."""
    specific = page.specific_deferred
    if not isinstance(specific, EventPage) or not specific.registration_enabled:
        return
    if page.locale_id not in editor_locales(user):
        return
    yield Button(
        _("Registrations"),
        reverse("registrations_admin:event", args=[page.pk]),
        icon_name="group",
        priority=62,
    )
