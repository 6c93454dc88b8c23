"""Event pages: where they may live in the tree, and what full_clean() accepts."""

import datetime

import pytest
from django.utils import translation
from wagtail.models import get_page_models

from events.factories import WARSAW, EventPageFactory
from events.models import EventIndexPage, EventPage
from tests.utils import allowed_under, creatable_under, validation_errors

# Pages shared by the module are made once (see `module_db`); every test reads fresh copies.
pytestmark = pytest.mark.django_db


def test_event_index_goes_only_under_a_home_page(tree_pages):
    assert creatable_under(EventIndexPage, tree_pages) == {"home"}
    assert allowed_under(EventIndexPage, tree_pages) == {"home"}
    assert EventIndexPage.allowed_subpage_models() == [EventPage]


def test_event_goes_only_under_the_event_index(tree_pages):
    assert creatable_under(EventPage, tree_pages) == {"events"}
    assert allowed_under(EventPage, tree_pages) == {"events"}


def test_event_has_no_subpages(tree_pages):
    assert EventPage.allowed_subpage_models() == []
    assert not any(model.can_create_at(tree_pages["event"]) for model in get_page_models())


@pytest.fixture(scope="module")
def valid_event(module_tree):
    return EventPageFactory(
        parent=module_tree.events,
        start=datetime.datetime(2018, 6, 12, 9, 0, tzinfo=WARSAW),
        end=datetime.datetime(2018, 6, 13, 16, 0, tzinfo=WARSAW),
        registration_deadline=datetime.datetime(2018, 6, 5, 23, 59, tzinfo=WARSAW),
        target_groups=["officials", "institutions"],
        capacity=25,
    )


@pytest.fixture
def event(valid_event):
    """A fresh copy of a valid event, to break in memory."""
    return EventPage.objects.get(pk=valid_event.pk)


def test_factory_event_is_valid(event):
    assert validation_errors(event) == {}


def test_end_before_start_is_rejected(event):
    event.end = event.start - datetime.timedelta(minutes=1)
    event.registration_deadline = None

    assert set(validation_errors(event)) == {"end"}


def test_event_may_end_when_it_starts(event):
    event.end = event.start
    event.registration_deadline = None

    assert validation_errors(event) == {}


def test_registration_deadline_after_the_end_is_rejected(event):
    event.registration_deadline = event.end + datetime.timedelta(minutes=1)

    assert set(validation_errors(event)) == {"registration_deadline"}


def test_registration_deadline_at_the_end_is_accepted(event):
    event.registration_deadline = event.end

    assert validation_errors(event) == {}


@pytest.mark.parametrize("groups", [[], ["residents"], ["officials", "institutions", "residents"]])
def test_known_target_groups_are_accepted(event, groups):
    event.target_groups = groups

    assert validation_errors(event) == {}


@pytest.mark.parametrize("groups", [["officials", "tourists"], ["Officials"], "officials", [1]])
def test_unknown_target_groups_are_rejected(event, groups):
    event.target_groups = groups

    assert set(validation_errors(event)) == {"target_groups"}


def test_capacity_of_zero_is_rejected(event):
    event.capacity = 0

    assert set(validation_errors(event)) == {"capacity"}


def test_event_summary_over_300_characters_is_rejected(event):
    event.summary = "a" * 301

    assert set(validation_errors(event)) == {"summary"}


def test_the_choice_list_field_is_edited_as_labelled_checkboxes_in_the_admin_language():
    field = EventPage._meta.get_field("target_groups").formfield()

    with translation.override("pl"):
        assert str(field.label) == "Grupy docelowe"
    assert field.widget.__class__.__name__ == "CheckboxSelectMultiple"
