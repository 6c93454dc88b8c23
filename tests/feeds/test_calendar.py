"""iCalendar feeds, parsed back with icalendar: time zones, all-day events, stable UIDs, cancellations."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar

from events.factories import EventPageFactory
from events.models import EventPage

WARSAW = ZoneInfo("Europe/Warsaw")


def calendar(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(cal):
    return {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


def test_calendar_of_upcoming_events_with_a_warsaw_time_zone(client, content):
    cal = calendar(client, "/feeds/pl/events.ics")

    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Wydarzenia · Agglomerations4Borderlands"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    event = events_of(cal)["Spotkanie sieci"]
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and start == content.event.start
    assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert event.decoded("DTEND") - start == datetime.timedelta(hours=5)
    assert str(event["URL"]) == "https://portal.example.org/wydarzenia/spotkanie-sieci/"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Opole" in str(event["LOCATION"])
    assert "Organizator: Miasto Ołomuniec" in str(event["DESCRIPTION"])


def test_czech_calendar_has_czech_texts_and_its_own_uids(client, content):
    polish = events_of(calendar(client, "/feeds/pl/events.ics"))["Spotkanie sieci"]
    czech = events_of(calendar(client, "/feeds/cs/events.ics"))["Setkání sítě"]

    assert str(czech["URL"]) == "https://portal.example.org/cs/akce/setkani-site/"
    assert str(czech["UID"]) == f"{content.event.translation_key}.cs@portal.example.org"
    assert str(polish["UID"]) == f"{content.event.translation_key}.pl@portal.example.org"


def test_uid_is_stable_across_edits_and_renames(client, content):
    before = events_of(calendar(client, f"/feeds/pl/events/{content.event.pk}.ics"))["Spotkanie sieci"]["UID"]
    page = EventPage.objects.get(pk=content.event.pk)
    page.title = "Spotkanie sieci (nowa sala)"
    page.slug = "spotkanie-sieci-nowa-sala"
    page.save_revision().publish()

    after = events_of(calendar(client, f"/feeds/pl/events/{content.event.pk}.ics"))["Spotkanie sieci (nowa sala)"]

    assert str(after["UID"]) == str(before)
    assert str(after["URL"]).endswith("/spotkanie-sieci-nowa-sala/")


def test_all_day_events_are_dates_with_an_exclusive_end(client, content, site_tree):
    day = timezone.now().astimezone(WARSAW).date() + datetime.timedelta(days=5)
    start = datetime.datetime.combine(day, datetime.time(0, 0), WARSAW)
    EventPageFactory(
        parent=site_tree.events,
        title="Dzień otwarty",
        start=start,
        end=start + datetime.timedelta(days=1, hours=23),
        is_all_day=True,
    )

    event = events_of(calendar(client, "/feeds/pl/events.ics"))["Dzień otwarty"]

    assert event.decoded("DTSTART") == day
    assert event.decoded("DTEND") == day + datetime.timedelta(days=2)


def test_cancelled_events_say_so(client, content, site_tree):
    soon = timezone.now() + datetime.timedelta(days=1)
    cancelled = EventPageFactory(parent=site_tree.events, title="Odwołane", start=soon, end=soon, status="cancelled")

    event = events_of(calendar(client, f"/feeds/pl/events/{cancelled.pk}.ics"))["Odwołane"]

    assert str(event["STATUS"]) == "CANCELLED"


def test_calendar_filters_like_the_api(client, content, site_tree):
    soon = timezone.now() + datetime.timedelta(days=1)
    EventPageFactory(parent=site_tree.events, title="Warsztaty", event_type="workshop", start=soon, end=soon)
    EventPageFactory(parent=site_tree.events, title="Dawno")

    assert set(events_of(calendar(client, "/feeds/pl/events.ics", {"type": "workshop"}))) == {"Warsztaty"}
    assert set(events_of(calendar(client, "/feeds/pl/events.ics", {"organiser": content.partner_cs.pk}))) == {
        "Spotkanie sieci"
    }
    assert set(events_of(calendar(client, "/feeds/pl/events.ics", {"past": "true"}))) == {"Dawno"}
    # A calendar page's month: the events overlapping it, past or not (a time window replaces "not yet ended").
    june_2018 = {"ends_after": "2018-06-01T00:00:00+02:00", "starts_before": "2018-07-01T00:00:00+02:00"}
    assert set(events_of(calendar(client, "/feeds/pl/events.ics", june_2018))) == {"Dawno"}
    assert client.get("/feeds/pl/events.ics", {"type": "party"}).status_code == 400


def test_one_event_calendar_for_past_events_too_but_only_public_ones_in_its_locale(client, content, site_tree):
    past = EventPageFactory(parent=site_tree.events, title="Dawno")
    draft = EventPageFactory(parent=site_tree.events, title="Szkic", live=False)

    assert set(events_of(calendar(client, f"/feeds/pl/events/{past.pk}.ics"))) == {"Dawno"}
    assert client.get(f"/feeds/pl/events/{draft.pk}.ics").status_code == 404
    assert client.get(f"/feeds/cs/events/{content.event.pk}.ics").status_code == 404
    assert client.get(f"/feeds/pl/events/{2**40}.ics").status_code == 404
    assert client.get("/feeds/xx/events.ics").status_code == 404
