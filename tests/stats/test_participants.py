"""Participants in study visits and staff exchanges: confirmed places by country and kind of institution."""

from wagtail.models import Locale

from events.factories import EventPageFactory
from registrations.models import Registration, Status
from tests.stats.conftest import when


def seat(event, country, kind, status=Status.CONFIRMED, times=1, **fields):
    for _ in range(times):
        Registration.objects.create(
            event_key=event.translation_key,
            event=event,
            locale=Locale.objects.get(language_code="pl"),
            status=status,
            country=country,
            institution_kind=kind,
            language="pl",
            secret="x" * 43,
            **fields,
        )


def participants(client, locale="pl"):
    answer = client.get("/api/v2/stats/", {"locale": locale})
    assert answer.status_code == 200, answer.content
    (section,) = [item for item in answer.json()["sections"] if item["key"] == "visit_participants"]
    return section


def cell(section, country, kind):
    columns = [column["key"] for column in section["columns"]]
    (row,) = [row for row in section["rows"] if row["key"] == country]
    return row["cells"][columns.index(kind)]


def test_confirmed_places_in_visits_and_exchanges_are_counted_by_country_and_kind(client, site_tree):
    visit = EventPageFactory(
        parent=site_tree.events, slug="v", event_type="study_visit", start=when(2026), end=when(2026)
    )
    exchange = EventPageFactory(
        parent=site_tree.events, slug="x", event_type="staff_exchange", start=when(2026), end=when(2026)
    )
    meeting = EventPageFactory(
        parent=site_tree.events, slug="m", event_type="network_meeting", start=when(2026), end=when(2026)
    )
    seat(visit, "PL", "public_administration", times=4)
    seat(exchange, "PL", "public_administration", times=3)
    seat(visit, "CZ", "university", times=6)
    seat(visit, "CZ", "ngo", times=5)
    seat(visit, "PL", "university", times=5)
    seat(visit, "PL", "public_administration", status=Status.WAITING, times=9)  # no place held
    seat(visit, "PL", "public_administration", status=Status.CANCELLED, times=9)
    seat(meeting, "PL", "public_administration", times=9)  # not a visit or an exchange
    # Anonymised registrations still count: the figures outlive the personal data.
    seat(visit, "CZ", "ngo", name="", email="", times=1)

    section = participants(client)

    assert section["kind"] == "table"
    assert [row["key"] for row in section["rows"]] == ["PL", "CZ"]
    assert cell(section, "PL", "public_administration") == {"value": 7, "suppressed": False}
    assert cell(section, "PL", "university") == {"value": 5, "suppressed": False}
    assert cell(section, "CZ", "university") == {"value": 6, "suppressed": False}
    assert cell(section, "CZ", "ngo") == {"value": 6, "suppressed": False}
    assert section["total"] == {"value": 24, "suppressed": False}
    # People, not content: the Czech page shows the same figures.
    assert participants(client, "cs")["total"] == section["total"]


def test_a_small_group_of_people_is_withheld_with_what_would_give_it_away(client, site_tree):
    visit = EventPageFactory(
        parent=site_tree.events, slug="v", event_type="study_visit", start=when(2026), end=when(2026)
    )
    seat(visit, "PL", "public_administration", times=20)
    seat(visit, "PL", "ngo", times=2)
    seat(visit, "CZ", "university", times=20)

    section = participants(client)

    assert cell(section, "PL", "ngo") == {"value": None, "suppressed": True}
    withheld = [
        cell for row in section["rows"] for cell in row["cells"] if cell["suppressed"] and cell["value"] is None
    ]
    # The two cannot be had as the row's total minus the other published cells.
    polish = [row for row in section["rows"] if row["key"] == "PL"][0]
    published = sum(cell["value"] for cell in polish["cells"] if not cell["suppressed"])
    assert polish["total"]["suppressed"] or polish["total"]["value"] - published != 2
    assert len(withheld) >= 2
