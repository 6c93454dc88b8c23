"""RSS 2.0 and Atom feeds, parsed back with feedparser: per locale, public content only, filterable."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from practices.factories import PracticePageFactory


def parse(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200, response.content
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


def test_practices_rss_is_valid_rss_2_in_the_feeds_language(client, content):
    response, feed = parse(client, "/feeds/cs/practices.rss")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.language == "cs"
    assert feed.feed.title == "Dobré praxe · Agglomerations4Borderlands"
    assert feed.feed.link == "https://portal.example.org/cs/"
    (entry,) = feed.entries
    assert entry.title == "Společná jízdenka"
    assert entry.link == "https://portal.example.org/cs/dobre-praxe/spolecna-jizdenka/"
    assert entry.summary == "Jedna jízdenka v aglomeraci."
    assert entry.id == f"tag:portal.example.org,2018:practice:{content.practice_cs.pk}"
    assert [tag.term for tag in entry.tags] == ["Mobilita"]
    assert entry.published_parsed is not None


def test_practices_atom_is_valid_atom_with_stable_ids(client, content):
    response, feed = parse(client, "/feeds/pl/practices.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "Dobre praktyki · Agglomerations4Borderlands"
    (entry,) = feed.entries
    assert entry.title == "Wspólny bilet"
    assert entry.id == f"tag:portal.example.org,2018:practice:{content.practice.pk}"
    assert entry.link == "https://portal.example.org/dobre-praktyki/wspolny-bilet/"
    assert entry.updated_parsed is not None
    assert any(link.rel == "self" for link in feed.feed.links)
    assert feed.feed.id == "http://testserver/feeds/pl/practices.atom"


def test_newest_practices_first_and_only_public_ones(client, content, site_tree):
    newer = PracticePageFactory(parent=site_tree.practices, title="Nowsza")
    PracticePageFactory(parent=site_tree.practices, title="Szkic", live=False)
    private = PracticePageFactory(parent=site_tree.practices, title="Prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    newer.first_published_at = timezone.now() + datetime.timedelta(minutes=1)
    newer.save()

    _response, feed = parse(client, "/feeds/pl/practices.rss")

    assert [entry.title for entry in feed.entries] == ["Nowsza", "Wspólny bilet"]


def test_practice_feeds_filter_like_the_api(client, content, site_tree):
    PracticePageFactory(parent=site_tree.practices, title="Rower", agglomeration="opole")

    _response, by_topic = parse(client, "/feeds/pl/practices.atom", {"topic": "mobility"})
    _response, by_agglomeration = parse(client, "/feeds/pl/practices.rss", {"agglomeration": "opole"})

    assert [entry.title for entry in by_topic.entries] == ["Wspólny bilet"]
    assert [entry.title for entry in by_agglomeration.entries] == ["Rower"]


def test_events_rss_lists_upcoming_events_with_when_and_where(client, content, site_tree):
    EventPageFactory(parent=site_tree.events, title="Dawno")  # 2018
    soon = timezone.now() + datetime.timedelta(days=2)
    EventPageFactory(parent=site_tree.events, title="Odwołane", start=soon, end=soon, status="cancelled")

    _response, feed = parse(client, "/feeds/pl/events.rss")

    assert feed.feed.title == "Wydarzenia · Agglomerations4Borderlands"
    assert [entry.title for entry in feed.entries] == ["Odwołane (Anulowane)", "Spotkanie sieci"]
    meeting = feed.entries[1]
    assert "Opole (Polska)" in meeting.summary
    assert "Organizator: Miasto Ołomuniec" in meeting.summary
    assert meeting.link == "https://portal.example.org/wydarzenia/spotkanie-sieci/"
    assert [tag.term for tag in meeting.tags] == ["Spotkanie sieci"]


def test_event_feeds_filter_and_take_a_time_window(client, content, site_tree):
    EventPageFactory(parent=site_tree.events, title="Dawno")

    _response, past = parse(client, "/feeds/pl/events.rss", {"past": "true"})
    _response, workshops = parse(client, "/feeds/pl/events.atom", {"type": "workshop"})
    _response, czech = parse(client, "/feeds/cs/events.rss", {"organiser": content.partner.pk})

    assert [entry.title for entry in past.entries] == ["Dawno"]
    assert workshops.entries == []
    assert [entry.title for entry in czech.entries] == ["Setkání sítě"]


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/feeds/de/practices.rss", 404, "Unknown language 'de'"),
        ("/feeds/pl/practices.rss?topic=a%20b", 400, "topic:"),
        ("/feeds/pl/events.rss?type=party", 400, "type:"),
        ("/feeds/pl/events.atom?colour=red", 400, "colour: Unknown parameter."),
        ("/feeds/pl/events.rss?organiser=1&organiser=2", 400, "organiser: Give this parameter once."),
    ],
)
def test_bad_requests_get_a_clear_message(client, content, path, status, message):
    response = client.get(path)

    assert response.status_code == status
    assert message in response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
