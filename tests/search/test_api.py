"""GET /api/v2/search/ and /search/autocomplete/: matching, visibility, facets, highlights, errors, index upkeep."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from practices.factories import PracticePageFactory, TopicFactory
from search import indexing
from search.models import PlaceName, SearchEntry
from tests.utils import translate

SEARCH = "/api/v2/search/"
AUTOCOMPLETE = "/api/v2/search/autocomplete/"


def search(client, q, status=200, **params):
    response = client.get(SEARCH, {"q": q, **params})
    assert response.status_code == status, response.content
    return response.json()


def ids(data):
    return [result["id"] for result in data["results"]]


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def practices(site_tree, locale_cs):
    """Two Polish practices (one with a Czech translation), indexed through publishing."""
    topic = TopicFactory(name="Mobilność", slug="mobility")
    topic_cs = translate(topic, locale_cs, {"Mobilność": "Mobilita"})
    cooperation = publish(
        PracticePageFactory(
            parent=site_tree.practices,
            title="Współpraca gmin w Ołomuńcu",
            slug="wspolpraca",
            summary="Wspólne bilety i trasy <rowerowe> & więcej.",
            agglomeration="olomouc",
            topics=[topic],
        )
    )
    cooperation_cs = translate(
        cooperation,
        locale_cs,
        {
            "Współpraca gmin w Ołomuńcu": "Spolupráce obcí v Olomouci",
            "wspolpraca": "spoluprace",
            "Wspólne bilety i trasy <rowerowe> & więcej.": "Společné jízdenky a cyklotrasy.",
        },
        fallback=True,
    )
    older = publish(
        PracticePageFactory(
            parent=site_tree.practices,
            title="Szkoły w Opolu",
            slug="szkoly",
            summary="Termomodernizacja i współpraca szkół.",
            agglomeration="opole",
        )
    )
    return {"topic": topic, "topic_cs": topic_cs, "cooperation": cooperation, "cs": cooperation_cs, "older": older}


def test_inflected_and_unaccented_queries_find_the_page(client, practices):
    page = practices["cooperation"]

    for q in ("współpracy", "wspolpraca", "WSPÓŁPRACĄ", "współpracę"):
        assert page.pk in ids(search(client, q)), q
    assert ids(search(client, "spoluprace", locale="cs")) == [practices["cs"].pk]


def test_place_names_match_across_languages(client, practices):
    assert ids(search(client, "Olomouc")) == [practices["cooperation"].pk]
    assert ids(search(client, "Ołomuniec", locale="cs")) == [practices["cs"].pk]
    assert practices["older"].pk in ids(search(client, "Opolí"))


def test_inflected_place_names_the_lemmatiser_does_not_know_match_by_prefix(client, site_tree):
    page = publish(PracticePageFactory(parent=site_tree.practices, title="Most w Kędzierzynie-Koźlu"))

    assert ids(search(client, "Kędzierzyn-Koźle")) == [page.pk]
    assert search(client, "Kędzierzyn-Koźle")["results"][0]["highlight"]["title"] == (
        "Most w <mark>Kędzierzynie</mark>-<mark>Koźlu</mark>"
    )


def test_editors_place_names_apply_at_once(client, practices):
    assert search(client, "Olmuc")["count"] == 0

    PlaceName.objects.create(polish="Ołomuniec", czech="Olomouc", other_names="Olmuc")

    assert ids(search(client, "Olmuc")) == [practices["cooperation"].pk]


def test_results_are_in_the_requested_locale_only(client, practices):
    data = search(client, "Olomouc", locale="cs")

    assert ids(data) == [practices["cs"].pk]
    assert data["results"][0]["locale"] == "cs"
    assert data["results"][0]["path"] == "/cs/dobre-praxe/spoluprace/"


def test_title_ranks_above_summary_and_recency_breaks_ties(client, practices):
    # "współpraca" is in the title of one page and only in the summary of the other.
    assert ids(search(client, "współpraca")) == [practices["cooperation"].pk, practices["older"].pk]
    newer = publish(
        PracticePageFactory(
            parent=practices["older"].get_parent(), title="Szkoły w Brzegu", summary="Termomodernizacja szkół."
        )
    )
    assert ids(search(client, "szkoły"))[:2] == [newer.pk, practices["older"].pk]


def test_every_word_must_match_unless_none_match_together(client, practices):
    data = search(client, "współpraca termomodernizacja")
    assert ids(data) == [practices["older"].pk]
    assert data["matched_all_words"] is True

    data = search(client, "termomodernizacja bilety")
    assert set(ids(data)) == {practices["older"].pk, practices["cooperation"].pk}
    assert data["matched_all_words"] is False


def test_drafts_private_pages_and_pages_under_unpublished_parents_are_never_found(client, practices, site_tree):
    draft = PracticePageFactory(parent=site_tree.practices, title="Współpraca szkic", live=False)
    indexing.rebuild()
    assert draft.pk not in ids(search(client, "współpraca"))

    PageViewRestriction.objects.create(page=practices["older"], restriction_type="password", password="x")
    assert ids(search(client, "współpraca")) == [practices["cooperation"].pk]

    site_tree.practices.unpublish()
    assert search(client, "współpraca")["count"] == 0
    assert search(client, "wsp", status=200) is not None
    assert client.get(AUTOCOMPLETE, {"q": "wsp"}).json()["results"] == []


def test_facets_count_types_topics_and_agglomerations(client, practices, site_tree):
    publish(EventPageFactory(parent=site_tree.events, title="Spotkanie: współpraca", summary=""))

    data = search(client, "współpraca")
    facets = {name: {v["value"]: v["count"] for v in values} for name, values in data["facets"].items()}

    assert facets["type"] == {"practice": 2, "event": 1}
    assert facets["agglomeration"] == {"olomouc": 1, "opole": 1}
    assert facets["topic"] == {"mobility": 1}
    assert data["facets"]["topic"][0]["label"] == "Mobilność"

    filtered = search(client, "współpraca", type="practice", agglomeration="olomouc")
    assert ids(filtered) == [practices["cooperation"].pk]
    # A facet's counts ignore its own filter, so the other values stay visible.
    assert {v["value"] for v in filtered["facets"]["type"]} == {"practice"}
    assert {v["value"] for v in filtered["facets"]["agglomeration"]} == {"olomouc", "opole"}
    assert ids(search(client, "współpraca", topic="mobility,other")) == [practices["cooperation"].pk]
    assert search(client, "współpraca", topic="unknown")["count"] == 0


def test_highlights_mark_matches_and_escape_everything_else(client, practices):
    result = search(client, "bilet")["results"][0]

    assert result["highlight"]["title"] == "Współpraca gmin w Ołomuńcu"
    assert result["highlight"]["snippet"] == "Wspólne <mark>bilety</mark> i trasy &lt;rowerowe&gt; &amp; więcej."
    assert result["summary"] == "Wspólne bilety i trasy <rowerowe> & więcej."
    assert search(client, "Ołomuniec")["results"][0]["highlight"]["title"] == (
        "Współpraca gmin w <mark>Ołomuńcu</mark>"
    )


def test_results_are_paginated(client, practices):
    first = search(client, "współpraca", limit=1)
    second = client.get(first["next"]).json()

    assert first["count"] == 2
    assert first["previous"] is None
    assert ids(first) + ids(second) == [practices["cooperation"].pk, practices["older"].pk]


def test_autocomplete_matches_title_prefixes_without_diacritics(client, practices):
    response = client.get(AUTOCOMPLETE, {"q": "wspol"})
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [practices["cooperation"].pk]

    assert [r["title"] for r in client.get(AUTOCOMPLETE, {"q": "olom", "locale": "cs"}).json()["results"]] == [
        "Spolupráce obcí v Olomouci"
    ]
    assert client.get(AUTOCOMPLETE, {"q": "szk op"}).json()["results"][0]["id"] == practices["older"].pk
    assert client.get(AUTOCOMPLETE, {"q": "olomouc"}).json()["results"] == []


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "?!… —"}, "q"),
        ({"q": "a" * 201}, "q"),
        ({"q": "x", "type": "page"}, "type"),
        ({"q": "x", "agglomeration": "prague"}, "agglomeration"),
        ({"q": "x", "topic": "no spaces"}, "topic"),
        ({"q": "x", "topic": ["a"] * 6}, "topic"),
        ({"q": "x", "type": "event," * 30 + "event"}, "type"),
        ({"q": "x", "facet": "type"}, "facet"),
        ({"q": "x", "locale": "de"}, "locale"),
        ({"q": "x", "limit": "0"}, "limit"),
        ({"q": ["x", "y"]}, "q"),
    ],
)
def test_bad_queries_get_a_400_naming_the_parameter(client, db, params, parameter):
    response = client.get(SEARCH, params)

    assert response.status_code == 400
    assert set(response.json()) == {"detail", "errors"}
    assert parameter in response.json()["errors"]


@pytest.mark.parametrize(
    "params", [{}, {"q": "!!"}, {"q": "a" * 101}, {"q": "x", "limit": "21"}, {"q": "x", "type": "event"}]
)
def test_bad_autocomplete_queries_get_a_400(client, db, params):
    assert client.get(AUTOCOMPLETE, params).status_code == 400


def test_the_index_follows_publish_unpublish_and_delete(client, practices):
    page = practices["older"]
    page.title = "Szkoły w Nysie"
    publish(page)
    assert ids(search(client, "Nysa")) == [page.pk]

    page.unpublish()
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()
    assert search(client, "Nysa")["count"] == 0

    publish(page)
    assert ids(search(client, "Nysa")) == [page.pk]
    page.delete()
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_update_index_rebuilds_the_search_index(client, practices, site_tree):
    bulk = PracticePageFactory(parent=site_tree.practices, title="Przerów: rewitalizacja")  # no publish signal
    SearchEntry.objects.filter(page_id=practices["cooperation"].pk).delete()
    assert search(client, "Přerov")["count"] == 0

    call_command("update_index", verbosity=0)

    assert ids(search(client, "Přerov")) == [bulk.pk]
    assert practices["cooperation"].pk in ids(search(client, "Ołomuniec"))
    assert SearchEntry.objects.filter(page_id=practices["cs"].pk, locale__language_code="cs").exists()


def test_search_only_rebuild_skips_wagtails_backends(practices):
    SearchEntry.objects.all().delete()

    call_command("update_index", search_only=True, verbosity=0)

    assert SearchEntry.objects.count() == 3


def test_published_at_orders_newest_first_among_equal_ranks(client, site_tree):
    old = publish(PracticePageFactory(parent=site_tree.practices, title="Nysa", slug="nysa-1"))
    SearchEntry.objects.filter(page_id=old.pk).update(published_at=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    new = publish(PracticePageFactory(parent=site_tree.practices, title="Nysa", slug="nysa-2"))

    assert ids(search(client, "Nysa")) == [new.pk, old.pk]
