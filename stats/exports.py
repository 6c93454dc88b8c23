"""The editors' downloads: the API's figures as a CSV file or an XLSX workbook, for the programme's reports.

Both are written from `figures()`, the API's own answer, so a report quotes the public page
exactly. Each section is a block of rows: a header (in the admin user's language), one line
per row of the section, then its total. Withheld counts are written as "—", explained in a
note under the block.

CSV: UTF-8 with a byte-order mark and semicolons, what Excel in Polish and Czech opens into
columns with the letters intact when the file is double-clicked (without the mark it reads
the file as Windows-1250; with commas it puts each line into one cell, as the list separator
of both locales is the semicolon). Cells a spreadsheet would run as a formula are escaped, as
in the open-data downloads. XLSX: one sheet per section, named by its key (a sheet name has at
most 31 characters), text cells stored as text, never as formulas.
"""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from opendata.formats import csv_cell

WITHHELD = "—"


def _value(cell):
    return WITHHELD if cell["suppressed"] else cell["value"]


def block(section):
    """The rows of one section: header, lines, total; the header in the active language (the admin user's)."""
    if section["kind"] == "table":
        header = [_("Label"), *(column["label"] for column in section["columns"]), _("Total")]
        lines = [
            [row["label"], *(_value(cell) for cell in row["cells"]), _value(row["total"])] for row in section["rows"]
        ]
        totals = [[_("Total"), *(_value(cell) for cell in section["column_totals"]), _value(section["total"])]]
    else:
        header = [_("Label"), _("Value")]
        lines = [[row["label"], _value(row)] for row in section["rows"]]
        totals = [] if section["total"] is None else [[_("Total"), _value(section["total"])]]
    return [header, *lines, *totals]


def note(figures, section):
    """The explanation under a personal section, or None."""
    if not section["personal"]:
        return None
    return _(
        "%(mark)s: withheld. Counts of people below %(minimum)d are not published, nor any count that would give "
        "one away through a total."
    ) % {"mark": WITHHELD, "minimum": figures["min_count"]}


def to_csv(figures):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for section in figures["sections"]:
        writer.writerow([csv_cell(section["title"])])
        for line in block(section):
            writer.writerow([csv_cell(value) for value in line])
        explanation = note(figures, section)
        if explanation:
            writer.writerow([csv_cell(explanation)])
        writer.writerow([])
    return "\ufeff".encode() + buffer.getvalue().encode()


def to_xlsx(figures):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for section in figures["sections"]:
        sheet = workbook.create_sheet(section["key"][:31])
        _put(sheet, 1, [section["title"]], bold=True)
        lines = block(section)
        _put(sheet, 3, lines[0], bold=True)
        for number, line in enumerate(lines[1:], start=4):
            _put(sheet, number, line)
        explanation = note(figures, section)
        if explanation:
            _put(sheet, len(lines) + 4, [explanation])
        sheet.column_dimensions["A"].width = max(12, min(60, max(len(str(line[0])) for line in lines) + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _put(sheet, row, values, bold=False):
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl would store "=..." as a formula
        if bold:
            cell.font = Font(bold=True)
