"""The admin's "Share / embed" view: a button on practice, event and partner pages leading to their snippets."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from embeds.admin_views import ShareView, embeddable_type


@hooks.register("register_admin_urls")
def register_share_url():
    return [path("embed/<int:page_id>/", ShareView.as_view(), name="embeds_share")]


def share_button(page, priority):
    if embeddable_type(page.specific_class) is None:
        return []
    return [Button(_("Share / embed"), reverse("embeds_share", args=[page.pk]), icon_name="code", priority=priority)]


@hooks.register("register_page_header_buttons")
def page_header_share_button(page, user, view_name=None, next_url=None):
    return share_button(page, priority=62)


@hooks.register("register_page_listing_more_buttons")
def page_listing_share_button(page, user, next_url=None):
    return share_button(page, priority=55)
