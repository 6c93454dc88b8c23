"""Human-readable event dates in the active language, for widgets and feeds (the API gives ISO 8601)."""

from django.utils import timezone
from django.utils.formats import date_format, time_format


def event_when(start, end, is_all_day):
    """'12 czerwca 2018, 09:00–16:00', or a date range; all-day events show no times."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    start_day, end_day = date_format(start, "DATE_FORMAT"), date_format(end, "DATE_FORMAT")
    if is_all_day:
        return start_day if start.date() == end.date() else f"{start_day} – {end_day}"
    if start.date() == end.date():
        return f"{start_day}, {time_format(start, 'TIME_FORMAT')}–{time_format(end, 'TIME_FORMAT')}"
    return f"{start_day}, {time_format(start, 'TIME_FORMAT')} – {end_day}, {time_format(end, 'TIME_FORMAT')}"
