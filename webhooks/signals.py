"""Turns Wagtail's page events into webhook deliveries for the endpoints that asked for them."""

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from webhooks.models import Event, WebhookEndpoint
from webhooks.payloads import page_payload, page_type
from webhooks.tasks import queue_deliveries


def dispatch(event, page, **extra):
    """Record and queue a delivery per interested endpoint, in the editor's transaction."""
    endpoints = list(WebhookEndpoint.objects.filter(is_active=True).prefetch_related("locales"))
    if not endpoints:
        return []
    kind, _endpoint = page_type(page)
    interested = [endpoint for endpoint in endpoints if endpoint.wants(event, kind, page.locale_id)]
    if not interested:
        return []
    payload = page_payload(event, page, **extra)
    return queue_deliveries(interested, event=event, payload=payload)


def on_published(sender, instance, **kwargs):
    dispatch(Event.PUBLISH, instance)


def on_unpublished(sender, instance, **kwargs):
    dispatch(Event.UNPUBLISH, instance)


def on_moved(sender, instance, url_path_before, **kwargs):
    page = Page.objects.get(pk=instance.pk)
    dispatch(Event.MOVE, page, previous_url_path=url_path_before)


def on_deleted(sender, instance, **kwargs):
    """Before the row goes: afterwards there is no path or translation left to describe.

    Fires for the page and for each of its descendants, so a deleted subtree is
    announced page by page.
    """
    dispatch(Event.DELETE, instance)


def connect():
    page_published.connect(on_published, dispatch_uid="a4b-webhooks-publish")
    page_unpublished.connect(on_unpublished, dispatch_uid="a4b-webhooks-unpublish")
    post_page_move.connect(on_moved, dispatch_uid="a4b-webhooks-move")
    pre_delete.connect(on_deleted, sender=Page, dispatch_uid="a4b-webhooks-delete")
