"""The organisers' registrations in the admin: a menu item, the event page's header button, the URLs, and
no event with registrations deleted."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Page

from events.models import EventPage
from registrations import admin_views
from registrations.selectors import registrations_under
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


def refuse_deleting_registrations(request, pages, back_to):
    """A redirect with the reason when `pages` hold an event people registered for; None lets the deletion go on.

    Registrations are the project's record of who took part (the statistics count them after
    their personal data is anonymised), and deleting an event's page would delete them with it.
    """
    count = registrations_under(pages)
    if not count:
        return None
    messages.error(
        request,
        ngettext(
            "Not deleted: an event here has %(count)d registration, part of the project's record of who took "
            "part. Unpublish the event, or set its status to cancelled, instead.",
            "Not deleted: events here have %(count)d registrations, part of the project's record of who took "
            "part. Unpublish the events, or set their status to cancelled, instead.",
            count,
        )
        % {"count": count},
    )
    return redirect(back_to)


@hooks.register("before_delete_page")
def keep_events_with_registrations(request, page):
    return refuse_deleting_registrations(request, [page], reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("before_bulk_action")
def keep_events_with_registrations_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "delete" or Page not in action_class_instance.models:
        return None
    return refuse_deleting_registrations(request, objects, action_class_instance.next_url)
