"""A filter value that names a draft answers exactly like one that names nothing: no response confirms a draft."""

import datetime
from decimal import Decimal

import feedparser
import pytest
from django.utils import timezone

from events.factories import EventPageFactory
from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory, TopicFactory
from tests.utils import translate

UNKNOWN_SLUG = "no-such-topic"
UNKNOWN_ID = 987654


@pytest.fixture
def drafts(site_tree, content, locale_cs):
    """Live practices and events that point at a draft topic, a draft partner and a partner's draft translation."""
    topic = TopicFactory(name="Szkic", slug="szkic", live=False)
    partner = PartnerPageFactory(parent=site_tree.partners, title="Szkic partnera", slug="szkic-partnera", live=False)
    translated = PartnerPageFactory(parent=site_tree.partners, title="Gmina", slug="gmina")
    translated_cs = translate(translated, locale_cs, {"Gmina": "Obec", "gmina": "obec"}, publish=False, fallback=True)
    place = {"latitude": Decimal("50.67"), "longitude": Decimal("17.93")}
    PracticePageFactory(parent=site_tree.practices, slug="z-tematem", topics=[topic], institutions=[partner], **place)
    PracticePageFactory(parent=site_tree.practices, slug="z-gmina", institutions=[translated], **place)
    start = timezone.now() + datetime.timedelta(days=3)
    upcoming = {"start": start, "end": start + datetime.timedelta(hours=2)}
    EventPageFactory(parent=site_tree.events, slug="z-szkicem", organiser=partner, **upcoming)
    EventPageFactory(parent=site_tree.events, slug="z-gmina", organiser=translated, **upcoming)
    return {"topic": topic.slug, "partner": partner.pk, "translation": translated_cs.pk}


def same_answer(client, url, parameter, hidden, unknown):
    """Both responses, the value each was asked for replaced: status and body must then be identical."""
    answers = []
    for value in (hidden, unknown):
        response = client.get(url, {parameter: value})
        answers.append((response.status_code, response.content.decode().replace(str(value), "<value>")))
    return answers[0] == answers[1], answers


HTML_AND_JSON = [
    ("/api/v2/practices/", "topic", "topic"),
    ("/api/v2/practices/", "partner", "partner"),
    ("/api/v2/practices/", "partner", "translation"),
    ("/api/v2/events/", "organiser", "partner"),
    ("/api/v2/events/", "organiser", "translation"),
    ("/api/v2/geo/practices/", "topic", "topic"),
    ("/api/v2/geo/practices/", "partner", "partner"),
    ("/embed/pl/practices/", "topic", "topic"),
    ("/embed/pl/events/", "organiser", "partner"),
    ("/embed/pl/events/", "organiser", "translation"),
]


@pytest.mark.parametrize(("url", "parameter", "draft"), HTML_AND_JSON)
def test_a_draft_value_answers_like_an_unknown_one(client, drafts, url, parameter, draft):
    unknown = UNKNOWN_SLUG if parameter == "topic" else UNKNOWN_ID
    same, answers = same_answer(client, url, parameter, drafts[draft], unknown)
    assert same, answers


@pytest.mark.parametrize(
    ("url", "parameter", "draft"),
    [
        ("/feeds/pl/practices.rss", "topic", "topic"),
        ("/feeds/pl/practices.atom", "partner", "partner"),
        ("/feeds/pl/practices.rss", "partner", "translation"),
        ("/feeds/pl/events.rss", "organiser", "partner"),
    ],
)
def test_a_draft_value_gives_the_feed_of_an_unknown_one(client, drafts, url, parameter, draft):
    unknown = UNKNOWN_SLUG if parameter == "topic" else UNKNOWN_ID
    feeds = [client.get(url, {parameter: value}) for value in (drafts[draft], unknown)]
    assert [response.status_code for response in feeds] == [200, 200]
    entries = [[entry.link for entry in feedparser.parse(response.content).entries] for response in feeds]
    assert entries == [[], []]


def test_public_values_still_filter(client, drafts, content):
    def ids(url, **params):
        return [item["id"] for item in client.get(url, params).json()["results"]]

    assert ids("/api/v2/practices/", topic="mobility") == [content.practice.pk]
    assert ids("/api/v2/practices/", partner=content.partner_cs.pk) == [content.practice.pk]
    assert ids("/api/v2/events/", organiser=content.partner.pk) == [content.event.pk]


def test_search_treats_a_draft_topic_like_an_unknown_one(client, site_tree):
    draft = TopicFactory(name="Szkic", slug="szkic", live=False)
    practice = PracticePageFactory(parent=site_tree.practices, title="Tramwaj miejski", slug="tramwaj", topics=[draft])
    practice.save_revision().publish()  # indexes it
    assert [item["id"] for item in client.get("/api/v2/search/", {"q": "tramwaj"}).json()["results"]] == [practice.pk]

    same, answers = same_answer(client, "/api/v2/search/?q=tramwaj", "topic", "szkic", UNKNOWN_SLUG)

    assert same, answers
    assert "szkic" not in client.get("/api/v2/search/", {"q": "tramwaj"}).content.decode()
