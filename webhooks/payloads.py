"""What a webhook says about a page or a topic: the same identity the public API gives it.

Built while the signal fires, inside the editor's transaction: for a delete this
is the last moment the page, its path and its translations can still be read.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core import content_types
from core.api.sql import translations_of
from core.api.tree import current_tree


def page_type(page):
    """(type, API route) of a page, e.g. ("practice", "practices"); index pages have no route."""
    content_type = page.cached_content_type
    return content_types.kind_and_endpoint(f"{content_type.app_label}.{content_type.model}")


#: Endpoints with one resource per locale rather than one per id.
PER_LOCALE_ENDPOINTS = ("home", "topics")


def api_url(endpoint, pk, locale_code):
    """Absolute URL of the item's endpoint on the CMS: its detail, or the home page or topic list of its locale."""
    if endpoint is None:
        return None
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if endpoint in PER_LOCALE_ENDPOINTS:
        return f"{base}{reverse(f'api:{endpoint}')}?locale={locale_code}"
    return f"{base}{reverse(f'api:{endpoint}-detail', args=[pk])}"


def page_payload(event, page, previous_url_path=None):
    """The JSON body for `event` on `page`: event, type, id, locale, path, api_url, translations, timestamp.

    A move also says where the page was (`previous_path`).
    """
    tree = current_tree()
    kind, endpoint = page_type(page)
    code = tree.locale_codes.get(page.locale_id)
    translations = [
        {
            "locale": tree.locale_codes[row["locale_id"]],
            "id": row["id"],
            "path": tree.path_for(row["locale_id"], row["url_path"]),
            "api_url": api_url(endpoint, row["id"], tree.locale_codes[row["locale_id"]]),
        }
        for row in translations_of([page], tree).get(page.translation_key, ())
        if row["id"] != page.pk
    ]
    payload = {
        "event": event,
        "type": kind,
        "id": page.pk,
        "locale": code,
        "title": page.title,
        "path": tree.path_for(page.locale_id, page.url_path),
        "api_url": api_url(endpoint, page.pk, code),
        "translations": translations,
        "timestamp": now_iso(),
    }
    if previous_url_path is not None:
        payload["previous_path"] = tree.path_for(page.locale_id, previous_url_path)
    return payload


def topic_payload(event, topic):
    """The JSON body for `event` on a topic: the page payload's shape, plus the topic's `slug`.

    A topic has no page of its own, so `path` is null and `api_url` is the
    topic list in the topic's language; `slug` is what the practices' `topic`
    filter takes, the same in every language. Translations are the live ones.
    """
    tree = current_tree()
    code = tree.locale_codes.get(topic.locale_id)
    translations = (
        type(topic)
        .objects.filter(translation_key=topic.translation_key, live=True)
        .exclude(pk=topic.pk)
        .order_by("locale_id")
    )
    return {
        "event": event,
        "type": "topic",
        "id": topic.pk,
        "locale": code,
        "title": topic.name,
        "slug": topic.slug,
        "path": None,
        "api_url": api_url("topics", topic.pk, code),
        "translations": [
            {
                "locale": tree.locale_codes[translation.locale_id],
                "id": translation.pk,
                "path": None,
                "api_url": api_url("topics", translation.pk, tree.locale_codes[translation.locale_id]),
            }
            for translation in translations
        ],
        "timestamp": now_iso(),
    }


def now_iso():
    """ISO 8601 in UTC with a Z, the form receivers parse most easily."""
    return timezone.now().astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def test_payload():
    """What the admin's "send test" button sends: the shape of a real event, about no page."""
    return {
        "event": "test",
        "type": None,
        "id": None,
        "locale": None,
        "title": "",
        "path": None,
        "api_url": None,
        "translations": [],
        "timestamp": now_iso(),
    }
