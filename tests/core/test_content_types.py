"""The page-type registry: each content app registers its type once, and the API reads it from there."""

import pytest

from core import content_types
from core.content_types import UNLISTED, PageType
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from partners.models import PartnerPage
from practices.models import PracticePage


def test_each_content_app_registered_its_types_once_in_their_order():
    assert [(page_type.model, page_type.kind, page_type.endpoint) for page_type in content_types.page_types()] == [
        (PracticePage, "practice", "practices"),
        (EventPage, "event", "events"),
        (PartnerPage, "partner", "partners"),
        (HomePage, "home", None),
        (StandardPage, "page", "standard-pages"),
    ]
    assert [page_type.kind for page_type in content_types.searchable()] == ["practice", "event", "partner"]
    assert [page_type.kind for page_type in content_types.embeddable()] == ["practice", "event", "partner"]
    assert [page_type.kind for page_type in content_types.previewable()] == ["practice", "event", "partner", "home"]


def test_a_second_registration_of_a_model_is_refused():
    with pytest.raises(ValueError, match="practices.practicepage"):
        content_types.register(PageType(PracticePage, "practice-again", order=99))


def test_unregistered_models_are_unlisted_indexes():
    assert content_types.kind_and_endpoint(EventIndexPage._meta.label_lower) == UNLISTED
    assert content_types.kind_and_endpoint("practices.practicepage") == ("practice", "practices")


def test_find_page_names_a_page_by_what_its_app_registered(client, content, monkeypatch):
    """A type registered once is what `pages/find` reports: nothing else maps models to names."""
    registered = PageType(EventIndexPage, "event-section", order=60)
    monkeypatch.setitem(content_types._registered, EventIndexPage, registered)

    found = client.get("/api/v2/pages/find/", {"path": "/wydarzenia/"}).json()

    assert (found["type"], found["api_url"]) == ("event-section", None)
