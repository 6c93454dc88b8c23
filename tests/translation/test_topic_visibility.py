"""A topic translation that still lacks strings holds the source language's text: readers never see it."""

from practices.factories import PracticePageFactory, TopicFactory
from tests.utils import translate


def czech_topic_names(client):
    return [topic["name"] for topic in client.get("/api/v2/topics/", {"locale": "cs"}).json()]


def czech_practice_topics(client, practice_cs):
    return [topic["name"] for topic in client.get(f"/api/v2/practices/{practice_cs.pk}/").json()["topics"]]


def test_an_untranslated_topic_stays_hidden_until_its_translation_is_complete(client, site_tree, locale_cs):
    topic = TopicFactory(name="Rewitalizacja", slug="revitalisation", description="Odnowa miast.")
    practice = PracticePageFactory(parent=site_tree.practices, title="Park", slug="park", topics=[topic])
    # Submitted, not yet translated: wagtail-localize has made the Czech topic with the Polish text.
    translate(topic, locale_cs, {}, fallback=True)
    practice_cs = translate(practice, locale_cs, {"Park": "Park", "park": "park-cs"}, fallback=True)

    assert "Rewitalizacja" not in czech_topic_names(client)
    assert czech_practice_topics(client, practice_cs) == []
    assert "Rewitalizacja" not in client.get("/feeds/cs/practices.rss").content.decode()
    assert "Rewitalizacja" not in client.get(f"/embed/cs/practice/{practice_cs.pk}/").content.decode()

    translate(topic, locale_cs, {"Rewitalizacja": "Revitalizace", "Odnowa miast.": "Obnova měst."})

    assert "Revitalizace" in czech_topic_names(client)
    assert czech_practice_topics(client, practice_cs) == ["Revitalizace"]
    assert "Revitalizace" in client.get("/feeds/cs/practices.rss").content.decode()
    assert "Revitalizace" in client.get(f"/embed/cs/practice/{practice_cs.pk}/").content.decode()


def test_source_topics_and_complete_translations_are_listed(client, site_tree, locale_cs):
    topic = TopicFactory(name="Mobilność", slug="mobility", description="Transport.")
    translate(topic, locale_cs, {"Mobilność": "Mobilita", "Transport.": "Doprava."})

    assert czech_topic_names(client) == ["Mobilita"]
    assert [item["name"] for item in client.get("/api/v2/topics/").json()] == ["Mobilność"]
