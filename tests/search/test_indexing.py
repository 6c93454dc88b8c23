"""What a page puts in the search index is read from its declaration: one `search=` marks a field searchable."""

import json

import pytest
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from core.api_fields import SEARCH_PARTS, PublicField, searched_fields
from events.factories import EventPageFactory
from events.models import EventPage
from partners.factories import PartnerPageFactory
from partners.models import PartnerPage
from practices.factories import PracticePageFactory
from practices.models import PracticePage
from search import indexing
from search.models import SearchEntry

SEARCH = "/api/v2/search/"


def publish(page):
    page.save_revision().publish()
    return page


def found(client, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200, response.content
    return [result["id"] for result in response.json()["results"]]


def test_a_field_declared_searchable_is_indexed_with_no_other_edit(client, site_tree, monkeypatch):
    page = publish(PracticePageFactory(parent=site_tree.practices, contact_name="Zdzisława Wąsowicz"))
    assert found(client, "Wąsowicz") == []

    monkeypatch.setattr(
        PracticePage, "public_api_fields", [*PracticePage.public_api_fields, PublicField("contact_name", search="body")]
    )
    publish(page)

    assert SearchEntry.objects.get(page=page).body.endswith("Zdzisława Wąsowicz")
    assert found(client, "Wąsowicz") == [page.pk]


def test_each_type_s_parts_are_read_in_their_declared_search_order():
    assert searched_fields(PracticePage, "title") == []
    assert searched_fields(PracticePage, "summary") == ["summary", "municipality"]
    assert searched_fields(PracticePage, "body") == [
        "challenge",
        "what_was_done",
        "results",
        "difficulties",
        "transferability",
        "resources_needed",
        "body",
    ]
    assert searched_fields(EventPage, "summary") == ["summary", "city", "venue_name"]
    assert searched_fields(EventPage, "body") == ["description"]
    assert searched_fields(PartnerPage, "title") == ["short_name"]
    assert searched_fields(PartnerPage, "body") == ["description", "address"]


def test_a_practice_s_texts_follow_its_declaration(site_tree):
    page = PracticePageFactory(
        parent=site_tree.practices,
        title="Rowery",
        summary="Wspólne trasy.",
        municipality="Opole",
        challenge="<p>Korki</p>",
        resources_needed="<p>Dotacja</p>",
        results="<p>Więcej rowerów</p>",
        body=json.dumps([{"type": "paragraph", "value": "<p>Cała historia</p>"}]),
    )

    assert indexing.texts(page) == ("Rowery", "Wspólne trasy.\nOpole", "Korki\nWięcej rowerów\nDotacja\nCała historia")
    assert indexing.display_summary(page, "Korki") == "Wspólne trasy."


def test_a_partner_s_short_name_is_title_and_its_description_is_the_shown_summary(site_tree):
    page = PartnerPageFactory(
        parent=site_tree.partners,
        title="Stowarzyszenie",
        short_name="SAO",
        description="<p>Zrzesza gminy.</p><p>Koordynuje.</p>",
        address="Opole",
    )

    title, summary, body = indexing.texts(page)

    assert (title, summary, body) == ("Stowarzyszenie\nSAO", "", "Zrzesza gminy. Koordynuje.\nOpole")
    assert indexing.display_summary(page, body) == "Zrzesza gminy. Koordynuje."


def test_an_event_shows_its_own_summary_even_when_blank(site_tree):
    page = EventPageFactory(parent=site_tree.events, summary="", city="Opole", venue_name="Ratusz")

    assert indexing.texts(page)[1] == "Opole\nRatusz"
    assert indexing.display_summary(page, "Opis") == ""


def test_a_misspelt_search_part_is_refused():
    with pytest.raises(ValueError, match="search must be one of"):
        PublicField("summary", search="abstract")


def test_a_field_without_text_cannot_be_searched(site_tree, monkeypatch):
    monkeypatch.setattr(PracticePage, "public_api_fields", [PublicField("start_date", search="body")])

    with pytest.raises(TypeError, match="start_date is declared searchable but holds no text"):
        indexing.texts(PracticePageFactory(parent=site_tree.practices))


def test_wagtail_s_own_index_reads_the_same_declaration(site_tree):
    # `difficulties` was left out of the hand-written Wagtail search_fields.
    page = PracticePageFactory(parent=site_tree.practices, difficulties="<p>Przepusty kolejowe</p>")

    assert list(get_search_backend().search("przepusty", PracticePage)) == [page]
    for model in (PracticePage, EventPage, PartnerPage):
        searched = {name for part in SEARCH_PARTS for name in searched_fields(model, part)}
        assert searched <= {
            field.field_name for field in model.get_search_fields() if isinstance(field, index.SearchField)
        }
