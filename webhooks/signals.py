"""Turns Wagtail's page and topic events into webhook deliveries for the endpoints that asked for them.

Topics are in every practice the API returns, so renaming one changes what
receivers (a frontend's build, a search index) hold as much as a page's publish.
"""

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import post_page_move, published, unpublished

from core.publishing import on_publishing
from practices.models import Topic
from webhooks.models import Event, ItemType, WebhookEndpoint
from webhooks.payloads import page_payload, page_type, topic_payload
from webhooks.tasks import queue_deliveries


def dispatch(event, page, **extra):
    """Record and queue a delivery per interested endpoint, in the editor's transaction."""
    kind, _endpoint = page_type(page)
    return _queue(event, kind, page.locale_id, lambda: page_payload(event, page, **extra))


def dispatch_topic(event, topic):
    return _queue(event, ItemType.TOPIC, topic.locale_id, lambda: topic_payload(event, topic))


def _queue(event, kind, locale_id, build_payload):
    endpoints = list(WebhookEndpoint.objects.filter(is_active=True).prefetch_related("locales"))
    interested = [endpoint for endpoint in endpoints if endpoint.wants(event, kind, locale_id)]
    if not interested:
        return []
    return queue_deliveries(interested, event=event, payload=build_payload())


def on_published(instance):
    dispatch(Event.PUBLISH, instance)


def on_unpublished(instance):
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


def on_topic_published(sender, instance, **kwargs):
    dispatch_topic(Event.PUBLISH, instance)


def on_topic_unpublished(sender, instance, **kwargs):
    dispatch_topic(Event.UNPUBLISH, instance)


def on_topic_deleted(sender, instance, **kwargs):
    dispatch_topic(Event.DELETE, instance)


def connect():
    on_publishing("webhooks", 20, published=on_published, unpublished=on_unpublished)
    post_page_move.connect(on_moved, dispatch_uid="a4b-webhooks-move")
    pre_delete.connect(on_deleted, sender=Page, dispatch_uid="a4b-webhooks-delete")
    # Wagtail's generic signals fire for pages too (beside the page_ ones): listen to topics only.
    published.connect(on_topic_published, sender=Topic, dispatch_uid="a4b-webhooks-topic-publish")
    unpublished.connect(on_topic_unpublished, sender=Topic, dispatch_uid="a4b-webhooks-topic-unpublish")
    pre_delete.connect(on_topic_deleted, sender=Topic, dispatch_uid="a4b-webhooks-topic-delete")
