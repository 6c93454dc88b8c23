"""Which page events become deliveries, for which endpoints, and what their payloads say."""

import pytest
from wagtail.models import Page

from events.factories import EventPageFactory
from practices.factories import PracticeIndexPageFactory, PracticePageFactory, TopicFactory
from tests.utils import translate
from tests.webhooks.conftest import pending_tasks
from webhooks.models import WebhookDelivery


@pytest.fixture
def practice(shared_site_tree):
    return PracticePageFactory(parent=shared_site_tree.practices, title="Wspólny bilet", slug="wspolny-bilet")


@pytest.fixture
def practice_cs(practice, locale_cs):
    return translate(
        practice, locale_cs, {"Wspólny bilet": "Společná jízdenka", "wspolny-bilet": "spolecna-jizdenka"}, fallback=True
    )


def deliveries():
    return list(WebhookDelivery.objects.select_related("endpoint").order_by("pk"))


def test_events_are_filtered_by_event_type(practice, endpoint, django_capture_on_commit_callbacks):
    on_publish = endpoint(name="publish", events=["publish"])
    endpoint(name="unpublish", events=["unpublish"])

    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()

    assert [(d.endpoint, d.event) for d in deliveries()] == [(on_publish, "publish")]


def test_events_are_filtered_by_locale(practice_cs, locale_cs, locale_pl, endpoint, django_capture_on_commit_callbacks):
    czech = endpoint(name="cs", locales=[locale_cs])
    polish = endpoint(name="pl", locales=[locale_pl])
    every = endpoint(name="all")

    with django_capture_on_commit_callbacks(execute=True):
        practice_cs.save_revision().publish()

    assert {d.endpoint for d in deliveries()} == {czech, every}
    assert polish not in {d.endpoint for d in deliveries()}
    payload = deliveries()[0].payload
    assert payload["locale"] == "cs"
    assert payload["path"] == "/cs/dobre-praxe/spolecna-jizdenka/"
    assert payload["translations"] == [
        {
            "locale": "pl",
            "id": practice_cs.get_translation(locale_pl).pk,
            "path": "/dobre-praktyki/wspolny-bilet/",
            "api_url": f"http://testserver/api/v2/practices/{practice_cs.get_translation(locale_pl).pk}/",
        }
    ]


def test_events_are_filtered_by_content_type(shared_site_tree, practice, endpoint, django_capture_on_commit_callbacks):
    events_only = endpoint(name="events", content_types=["event"])
    event = EventPageFactory(parent=shared_site_tree.events)

    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
        event.save_revision().publish()

    (delivery,) = deliveries()
    assert (delivery.endpoint, delivery.payload["type"], delivery.payload["id"]) == (events_only, "event", event.pk)


def test_inactive_endpoints_and_sites_without_endpoints_get_nothing(
    practice, endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    assert deliveries() == []

    endpoint(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    assert deliveries() == []


def test_unpublish(practice, endpoint, django_capture_on_commit_callbacks):
    endpoint(events=["unpublish"])

    with django_capture_on_commit_callbacks(execute=True):
        practice.unpublish()

    (delivery,) = deliveries()
    assert delivery.payload["event"] == "unpublish"
    assert delivery.payload["path"] == "/dobre-praktyki/wspolny-bilet/"


def test_delete_is_described_as_the_page_was(practice_cs, locale_pl, endpoint, django_capture_on_commit_callbacks):
    endpoint(events=["delete"])
    practice = practice_cs.get_translation(locale_pl)
    practice_id = practice.pk

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=practice_id).delete()

    (delivery,) = deliveries()
    assert delivery.payload["event"] == "delete"
    assert (delivery.payload["id"], delivery.payload["type"]) == (practice_id, "practice")
    assert delivery.payload["path"] == "/dobre-praktyki/wspolny-bilet/"
    assert [t["locale"] for t in delivery.payload["translations"]] == ["cs"]
    assert pending_tasks() == 1  # queued in the deletion's transaction


def test_deleting_a_subtree_announces_every_page(shared_site_tree, endpoint, django_capture_on_commit_callbacks):
    endpoint(events=["delete"])
    pages = [PracticePageFactory(parent=shared_site_tree.practices) for _ in range(2)]

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=shared_site_tree.practices.pk).delete()

    deleted = {d.payload["id"] for d in deliveries()}
    assert {page.pk for page in pages} | {shared_site_tree.practices.pk} <= deleted


def test_move_says_where_the_page_was_and_is(shared_site_tree, practice, endpoint, django_capture_on_commit_callbacks):
    endpoint(events=["move"])
    new_parent = PracticeIndexPageFactory(parent=shared_site_tree.home, title="Archiwum", slug="archiwum")

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=practice.pk).move(new_parent, pos="last-child")

    (delivery,) = deliveries()
    assert delivery.payload["event"] == "move"
    assert delivery.payload["previous_path"] == "/dobre-praktyki/wspolny-bilet/"
    assert delivery.payload["path"] == "/archiwum/wspolny-bilet/"


@pytest.fixture
def topic(shared_site_tree, locale_cs):
    """A live Polish topic with a live Czech translation, made before any endpoint exists."""
    source = TopicFactory(name="Mobilność", slug="mobility", description="Transport publiczny.")
    translate(source, locale_cs, {"Mobilność": "Mobilita", "Transport publiczny.": "Veřejná doprava."})
    return source


def test_a_published_topic_is_announced_with_its_slug_and_live_translations(
    topic, locale_cs, endpoint, django_capture_on_commit_callbacks
):
    endpoint(name="all")
    topic.name = "Mobilność miejska"

    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()

    (delivery,) = deliveries()
    czech = topic.get_translation(locale_cs)
    assert {key: value for key, value in delivery.payload.items() if key != "timestamp"} == {
        "event": "publish",
        "type": "topic",
        "id": topic.pk,
        "locale": "pl",
        "title": "Mobilność miejska",
        "slug": "mobility",
        "path": None,
        "api_url": "http://testserver/api/v2/topics/?locale=pl",
        "translations": [
            {"locale": "cs", "id": czech.pk, "path": None, "api_url": "http://testserver/api/v2/topics/?locale=cs"}
        ],
    }


def test_topic_events_follow_the_endpoints_types_and_events(
    topic, practice, endpoint, django_capture_on_commit_callbacks
):
    topics_only = endpoint(name="topics", content_types=["topic"], events=["publish", "unpublish", "delete"])
    endpoint(name="practices", content_types=["practice"], events=["publish", "unpublish", "delete"])

    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
        topic.save_revision().publish()
        topic.unpublish()
        topic.delete()

    practice_deliveries = [d for d in deliveries() if d.payload["type"] == "practice"]
    topic_deliveries = [d for d in deliveries() if d.payload["type"] == "topic"]
    assert [d.endpoint.name for d in practice_deliveries] == ["practices"]
    assert [(d.endpoint, d.event) for d in topic_deliveries] == [
        (topics_only, "publish"),
        (topics_only, "unpublish"),
        (topics_only, "delete"),
    ]
