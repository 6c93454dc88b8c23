"""Events through wagtail-localize: place names are translated, times and organiser follow the source."""

import datetime

import pytest

from events.factories import WARSAW, EventPageFactory
from partners.factories import PartnerPageFactory
from tests.utils import translate

EVENT_CS = {
    "Wizyta studyjna w Ołomuńcu": "Studijní návštěva v Olomouci",
    "wizyta-olomouc": "navsteva-olomouc",
    "Ołomuniec": "Olomouc",
    "Ratusz": "Radnice",
    "Rynek Górny 1": "Horní náměstí 1",
}


@pytest.fixture
def organisers(shared_site_tree):
    return (
        PartnerPageFactory(parent=shared_site_tree.partners, title="Stowarzyszenie Aglomeracja Opolska"),
        PartnerPageFactory(parent=shared_site_tree.partners, title="Statutarne miasto Ołomuniec", country="CZ"),
    )


@pytest.fixture
def event(shared_site_tree, organisers):
    event = EventPageFactory(
        parent=shared_site_tree.events,
        title="Wizyta studyjna w Ołomuńcu",
        slug="wizyta-olomouc",
        city="Ołomuniec",
        venue_name="Ratusz",
        venue_address="Rynek Górny 1",
        start=datetime.datetime(2018, 6, 12, 9, 0, tzinfo=WARSAW),
        end=datetime.datetime(2018, 6, 13, 16, 0, tzinfo=WARSAW),
        organiser=organisers[0],
    )
    event.save_revision().publish()
    return event


def test_czech_event_has_czech_place_names(event, organisers, shared_site_tree, locale_cs):
    event_cs = translate(event, locale_cs, EVENT_CS)

    assert event_cs.get_parent().pk == shared_site_tree.events_cs.pk
    assert (event_cs.title, event_cs.city, event_cs.venue_name, event_cs.venue_address) == (
        "Studijní návštěva v Olomouci",
        "Olomouc",
        "Radnice",
        "Horní náměstí 1",
    )
    assert (event_cs.start, event_cs.end, event_cs.organiser_id) == (event.start, event.end, organisers[0].pk)


def test_source_changes_reach_times_and_organiser_and_keep_czech_place_names(event, organisers, locale_cs):
    event_cs = translate(event, locale_cs, EVENT_CS)

    event.start = datetime.datetime(2018, 9, 20, 10, 0, tzinfo=WARSAW)
    event.end = datetime.datetime(2018, 9, 21, 14, 0, tzinfo=WARSAW)
    event.organiser = organisers[1]
    event.city = "Ołomuniec (Olomouc)"
    event.venue_name = "Ratusz, sala obrad"
    event.save_revision().publish()
    translate(event, locale_cs, {"Ołomuniec (Olomouc)": "Olomouc", "Ratusz, sala obrad": "Radnice, zasedací síň"})

    event_cs.refresh_from_db()
    assert event_cs.start == datetime.datetime(2018, 9, 20, 10, 0, tzinfo=WARSAW)
    assert event_cs.end == datetime.datetime(2018, 9, 21, 14, 0, tzinfo=WARSAW)
    assert event_cs.organiser_id == organisers[1].pk
    assert (event_cs.city, event_cs.venue_name, event_cs.venue_address) == (
        "Olomouc",
        "Radnice, zasedací síň",
        "Horní náměstí 1",
    )
    assert event_cs.title == "Studijní návštěva v Olomouci"
