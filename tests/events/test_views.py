"""The events endpoints: locale, related pages, date and type filters, ordering."""

import datetime

import pytest
from django.utils import timezone

from events.factories import EventPageFactory
from events.serializers import EventDetailSerializer, EventSummarySerializer
from tests.api import WARSAW, assert_list_queries_constant, declared_fields

LIST = "/api/v2/events/"


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def past_events(site_tree, content):
    return [
        EventPageFactory(
            parent=site_tree.events,
            title=f"Wizyta {year}",
            event_type=kind,
            status=status,
            start=datetime.datetime(year, 6, 12, 9, tzinfo=WARSAW),
            end=datetime.datetime(year, 6, 13, 16, tzinfo=WARSAW),
            country=country,
        )
        for year, kind, status, country in (
            (2018, "study_visit", "scheduled", "CZ"),
            (2019, "staff_exchange", "scheduled", "PL"),
            (2020, "network_meeting", "cancelled", "CZ"),
        )
    ]


def test_items_carry_the_documented_fields(client, content):
    assert set(client.get(LIST).json()["results"][0]) == declared_fields(EventSummarySerializer)
    assert set(client.get(f"{LIST}{content.event.pk}/").json()) == declared_fields(EventDetailSerializer)


def test_list_items_carry_the_venue_and_registration_a_card_shows(client, site_tree, content):
    """The portal's event cards show where and how to register without fetching every event's detail."""
    event = EventPageFactory(
        parent=site_tree.events,
        venue_name="Ratusz",
        registration_url="https://example.org/rejestracja",
        registration_deadline=datetime.datetime(2018, 6, 1, 23, 59, tzinfo=WARSAW),
    )

    (item,) = [item for item in client.get(LIST).json()["results"] if item["id"] == event.pk]

    assert item["venue_name"] == "Ratusz"
    assert item["registration_url"] == "https://example.org/rejestracja"
    assert item["registration_deadline"] == "2018-06-01T23:59:00+02:00"


def test_times_are_in_warsaw_time_and_related_pages_in_the_items_locale(client, content):
    item = client.get(f"{LIST}{content.event_cs.pk}/").json()

    assert item["start"] == content.event.start.astimezone(WARSAW).isoformat()
    assert item["organiser"]["id"] == content.partner_cs.pk
    assert item["organiser"]["title"] == "Statutární město Olomouc"
    assert [practice["id"] for practice in item["related_practices"]] == [content.practice_cs.pk]
    assert item["city"] == "Opolí"


def test_default_order_is_by_start(client, content, past_events):
    assert ids(client.get(LIST)) == [event.pk for event in past_events] + [content.event.pk]
    assert ids(client.get(LIST, {"ordering": "-start"}))[0] == content.event.pk


def test_upcoming_and_past(client, content, past_events):
    assert ids(client.get(LIST, {"upcoming": "true"})) == [content.event.pk]
    assert ids(client.get(LIST, {"past": "true"})) == [event.pk for event in past_events]
    assert ids(client.get(LIST, {"upcoming": "false"})) == [event.pk for event in past_events]


def test_filter_by_types_status_country_and_start_range(client, content, past_events):
    first, second, third = past_events
    assert ids(client.get(f"{LIST}?type=study_visit&type=staff_exchange")) == [first.pk, second.pk]
    assert ids(client.get(LIST, {"status": "cancelled"})) == [third.pk]
    assert ids(client.get(LIST, {"country": "PL"})) == [second.pk, content.event.pk]
    assert ids(client.get(LIST, {"starts_after": "2019-01-01T00:00:00Z", "starts_before": "2020-01-01T00:00:00Z"})) == [
        second.pk
    ]


def test_events_overlapping_a_period_include_those_that_began_before_it(client, site_tree, content):
    """A calendar's month: `starts_before` its end and `ends_after` its start, multi-day events included."""
    december = datetime.datetime(2030, 12, 1, tzinfo=WARSAW), datetime.datetime(2031, 1, 1, tzinfo=WARSAW)
    spans_in = EventPageFactory(
        parent=site_tree.events, start=datetime.datetime(2030, 11, 28, 9, tzinfo=WARSAW), end=december[0]
    )
    inside = EventPageFactory(
        parent=site_tree.events,
        start=datetime.datetime(2030, 12, 24, 10, tzinfo=WARSAW),
        end=datetime.datetime(2030, 12, 24, 15, tzinfo=WARSAW),
    )
    spans_out = EventPageFactory(
        parent=site_tree.events,
        start=datetime.datetime(2030, 12, 31, 20, tzinfo=WARSAW),
        end=datetime.datetime(2031, 1, 2, 12, tzinfo=WARSAW),
    )
    EventPageFactory(
        parent=site_tree.events,
        start=datetime.datetime(2030, 11, 20, 9, tzinfo=WARSAW),
        end=datetime.datetime(2030, 11, 30, 23, 59, tzinfo=WARSAW),
    )
    new_year = EventPageFactory(
        parent=site_tree.events, start=december[1], end=december[1] + datetime.timedelta(hours=2)
    )

    window = {"ends_after": december[0].isoformat(), "starts_before": december[1].isoformat()}

    assert ids(client.get(LIST, window)) == [spans_in.pk, inside.pk, spans_out.pk]
    assert ids(client.get(LIST, {"ends_after": december[1].isoformat()})) == [spans_out.pk, new_year.pk]


def test_filter_by_organiser_in_any_locale(client, content, past_events):
    assert ids(client.get(LIST, {"organiser": content.partner_cs.pk})) == [content.event.pk]
    assert ids(client.get(LIST, {"organiser": content.partner.pk, "locale": "cs"})) == [content.event_cs.pk]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"type": "party"}, "type"),
        ({"starts_after": "soon"}, "starts_after"),
        ({"ends_after": "2026-13-01"}, "ends_after"),
        ({"upcoming": "yes please"}, "upcoming"),
        ({"organiser": "x"}, "organiser"),
        ({"country": "DE"}, "country"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, content, query, parameter):
    response = client.get(LIST, query)

    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_list_query_count_does_not_grow_with_the_page(client, site_tree, content, django_assert_max_num_queries):
    start = timezone.now()
    for _ in range(6):
        EventPageFactory(parent=site_tree.events, organiser=content.partner, start=start, end=start)
    assert_list_queries_constant(client, LIST, 7, django_assert_max_num_queries)


@pytest.mark.parametrize(
    "value",
    ["1120-11-21T02:37:48.0958-22:41", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"],
)
def test_extreme_but_valid_date_times_filter_without_error(client, content, value):
    """Found by schemathesis: PostgreSQL refuses offsets beyond ±16 h, Python overflows at the range edges."""
    assert client.get(LIST, {"starts_after": value}).status_code == 200
    assert client.get(LIST, {"starts_before": value}).status_code == 200
    assert client.get(LIST, {"ends_after": value}).status_code == 200
