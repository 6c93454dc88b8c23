"""The registry: a section registered later (e.g. participants) is answered, protected and exported like the rest."""

import pytest

from stats.sections import SECTIONS, Section, Table, register


@pytest.fixture
def participants(monkeypatch):
    """A personal table section, as the event registrations will add: participants by country and institution."""
    monkeypatch.setattr("stats.sections.SECTIONS", {**SECTIONS})
    table = Table(
        columns=[("city", "Miasto"), ("ngo", "Organizacja")],
        rows=[("PL", "Polska"), ("CZ", "Czechy")],
        cells={"PL": {"city": 2, "ngo": 30}, "CZ": {"city": 12, "ngo": 25}},
    )
    register(Section("participants", {"en": "Participants"}, lambda scope: table, personal=True))


def test_a_registered_table_is_answered_with_its_small_counts_withheld(client, site_tree, participants):
    (section,) = [item for item in client.get("/api/v2/stats/").json()["sections"] if item["key"] == "participants"]

    assert section["kind"] == "table"
    assert section["title"] == "Participants"
    assert [column["label"] for column in section["columns"]] == ["Miasto", "Organizacja"]
    polska, czechy = section["rows"]
    assert polska["cells"][0] == {"value": None, "suppressed": True}
    # The row, the column and the grand total are published: each would give the 2 away without a second cell.
    hidden = [
        (row, column)
        for row, item in enumerate(section["rows"])
        for column, cell in enumerate(item["cells"])
        if cell["suppressed"]
    ]
    assert len(hidden) == 4
    assert polska["total"] == {"value": 32, "suppressed": False}
    assert section["column_totals"] == [{"value": 14, "suppressed": False}, {"value": 55, "suppressed": False}]
    assert section["total"] == {"value": 69, "suppressed": False}


def test_a_key_is_registered_once():
    with pytest.raises(ValueError, match="already registered"):
        register(Section("events_by_year", {"en": "Again"}, lambda scope: None))


def test_a_key_fits_an_xlsx_sheet_name(monkeypatch):
    monkeypatch.setattr("stats.sections.SECTIONS", {**SECTIONS})
    with pytest.raises(ValueError, match="over 31 characters"):
        register(Section("participants_by_country_and_kind", {"en": "Too long"}, lambda scope: None))
