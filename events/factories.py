"""Factories for event pages, created under an event index unless given a parent."""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage, EventType
from home.factories import HomePageFactory

WARSAW = ZoneInfo("Europe/Warsaw")


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Wydarzenia"
    slug = "wydarzenia"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Wizyta studyjna {n}")
    event_type = EventType.STUDY_VISIT
    start = datetime.datetime(2018, 6, 12, 9, 0, tzinfo=WARSAW)
    end = datetime.datetime(2018, 6, 13, 16, 0, tzinfo=WARSAW)
    city = "Ołomuniec"
    country = "CZ"
    parent = factory.SubFactory(EventIndexPageFactory)

    class Meta:
        model = EventPage
