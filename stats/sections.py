"""The statistics as a small registry of named sections, like the page-type registry (`core.content_types`).

A section has a key, a title in Polish, Czech and English, and a function that counts for one
locale of the public tree: either `Counts` (rows of {label, value}) or a `Table` (rows by
columns). The API, the portal's Results page and the editors' CSV and XLSX downloads all read
`figures()`, so they cannot disagree. A section that counts what people did says
`personal=True`: its small counts are withheld (`stats.suppression`) before anyone sees them.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import translation

from stats.suppression import withheld


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    value: int


@dataclass(frozen=True)
class Counts:
    """Rows of one count each; `total` the items counted (None: no meaningful one).

    `additive`: the rows add up to the total (each item in exactly one row); a personal
    section's rows must, so that suppression can protect the total.
    """

    rows: list[Row]
    total: int | None = None
    additive: bool = True


@dataclass(frozen=True)
class Table:
    """Rows by columns: `cells[row key][column key]` a count; row, column and grand totals are the sums."""

    columns: list[tuple[str, str]]  # (key, label)
    rows: list[tuple[str, str]]
    cells: dict[str, dict[str, int]]


@dataclass(frozen=True)
class Scope:
    """What a section counts in: the public tree, and one locale of it."""

    tree: Any
    locale: str
    locale_id: int


@dataclass(frozen=True)
class Section:
    key: str
    titles: dict[str, str]  # language code -> title (pl, cs, en)
    count: Any  # (Scope) -> Counts | Table
    unit: dict[str, str] = field(default_factory=dict)  # language code -> what is counted ("practices")
    personal: bool = False

    def title(self, language):
        return self.titles.get(language) or self.titles["en"]


SECTIONS: dict[str, Section] = {}
#: Excel refuses longer sheet names, and each section's key names its sheet in the editors' download.
XLSX_SHEET_NAME_LIMIT = 31


def register(section):
    """Add a section; the order of registration is the order of the answer, the page and the downloads."""
    if section.key in SECTIONS:
        raise ValueError(f"A statistics section {section.key!r} is already registered.")
    if len(section.key) > XLSX_SHEET_NAME_LIMIT:
        raise ValueError(f"A statistics section's key names its XLSX sheet: {section.key!r} is over 31 characters.")
    SECTIONS[section.key] = section


def figures(tree, locale):
    """Every section for `locale` (a content language with a home), as the API answers it."""
    scope = Scope(tree=tree, locale=locale, locale_id=tree.locale_ids[locale])
    minimum = settings.STATS_MIN_COUNT
    with translation.override(locale):
        sections = [describe(section, section.count(scope), locale, minimum) for section in SECTIONS.values()]
    return {"locale": locale, "min_count": minimum, "sections": sections}


def cell(value, hidden):
    return {"value": None, "suppressed": True} if hidden else {"value": value, "suppressed": False}


def describe(section, counted, language, minimum):
    head = {
        "key": section.key,
        "title": section.title(language),
        "unit": section.unit.get(language) or section.unit.get("en", ""),
        "personal": section.personal,
    }
    if isinstance(counted, Table):
        return {**head, "kind": "table", **_table(counted, section.personal, minimum)}
    return {**head, "kind": "counts", **_counts(counted, section.personal, minimum)}


def _counts(counts, personal, minimum):
    values = {("row", row.key): row.value for row in counts.rows}
    hidden = set()
    if personal:
        if not counts.additive or counts.total is None:
            raise ValueError("A personal section's rows must add up to its total.")
        values["total"] = counts.total
        hidden = withheld(values, [([key for key in values if key != "total"], "total")], minimum)
    # Withheld rows go last, by label: their place among the shown ones would tell their size.
    shown = [row for row in counts.rows if ("row", row.key) not in hidden]
    rows = shown + sorted((row for row in counts.rows if ("row", row.key) in hidden), key=lambda row: row.label)
    return {
        "rows": [{"key": row.key, "label": row.label, **cell(row.value, ("row", row.key) in hidden)} for row in rows],
        "total": None if counts.total is None else cell(counts.total, "total" in hidden),
    }


def _table(table, personal, minimum):
    """Cells, row totals, column totals and the grand total, withheld along every line that adds up."""
    rows = [key for key, _label in table.rows]
    columns = [key for key, _label in table.columns]
    values = {(row, column): table.cells.get(row, {}).get(column, 0) for row in rows for column in columns}
    for row in rows:
        values[("row", row)] = sum(values[(row, column)] for column in columns)
    for column in columns:
        values[("column", column)] = sum(values[(row, column)] for row in rows)
    values["total"] = sum(values[("row", row)] for row in rows)
    lines = [([(row, column) for column in columns], ("row", row)) for row in rows]
    lines += [([(row, column) for row in rows], ("column", column)) for column in columns]
    lines += [([("row", row) for row in rows], "total"), ([("column", column) for column in columns], "total")]
    hidden = withheld(values, lines, minimum) if personal else set()

    def out(key):
        return cell(values[key], key in hidden)

    return {
        "columns": [{"key": key, "label": label} for key, label in table.columns],
        "rows": [
            {
                "key": key,
                "label": label,
                "cells": [out((key, column)) for column in columns],
                "total": out(("row", key)),
            }
            for key, label in table.rows
        ],
        "column_totals": [out(("column", column)) for column in columns],
        "total": out("total"),
    }
