"""An event's registrations as rows for the organisers: CSV and XLSX, headed in the admin user's language.

A cell that begins with = + - or @ would be run as a formula by a spreadsheet
(CSV injection: a visitor types the answers); such cells get a leading '.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook

from registrations.models import Registration

COLUMNS = (
    "name",
    "email",
    "status",
    "attended",
    "country",
    "institution_kind",
    "institution",
    "position",
    "visit_language",
    "needs",
    "internship_period",
    "internship_host",
    "language",
    "created_at",
)
FORMULA_STARTS = ("=", "+", "-", "@")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def header():
    fields = {field.name: field for field in Registration._meta.get_fields() if hasattr(field, "verbose_name")}
    return [str(fields[name].verbose_name) for name in COLUMNS]


def cell(registration, name):
    field = Registration._meta.get_field(name)
    value = getattr(registration, name)
    if name == "created_at":
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if name == "attended":
        return "" if value is None else gettext("Yes") if value else gettext("No")
    if field.choices and value:
        value = getattr(registration, f"get_{name}_display")()
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def rows(registrations):
    yield header()
    for registration in registrations:
        yield [cell(registration, name) for name in COLUMNS]


def csv_response(registrations, filename):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that spreadsheets open it as UTF-8
    csv.writer(buffer).writerows(rows(registrations))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return attachment(response, f"{filename}.csv")


def xlsx_response(registrations, filename):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows(registrations):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(HttpResponse(buffer.getvalue(), content_type=XLSX), f"{filename}.xlsx")


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
