"""iCalendar (RFC 5545) of events: one calendar per locale, filterable, and one file per event.

Timed events carry their Europe/Warsaw local times with a VTIMEZONE, so every
client shows the right hour across summer time; all-day events are dates with
an exclusive end. A UID is the event's translation key and language, so a
calendar keeps one entry per event however often it is edited, renamed or moved.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event, Timezone, vGeo

from core.api.cached_views import kept_per_content_version
from core.api.params import NO_PARAMETERS, BadParameters, UnknownLocale, check_language
from core.api.tree import public_pages
from core.api.views import MAX_PAGE_ID
from events.models import EventPage, EventStatus
from feeds import selection

TIME_ZONE = "Europe/Warsaw"
STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


@require_safe
@kept_per_content_version
def events_calendar(request, locale):
    """Upcoming events of one locale (or those the filters choose), as one subscribable calendar."""
    try:
        check_language(locale)
        with translation.override(locale):
            scope = selection.FeedScope(locale)
            events = selection.events(scope, request.GET)
            name = f"{_('Events')} · {settings.WAGTAIL_SITE_NAME}"
            return calendar_response(calendar(scope, events, name), "events.ics", locale)
    except UnknownLocale as error:
        return text_response(str(error), 404)
    except BadParameters as error:
        return text_response("\n".join(error.lines()), 400)


@require_safe
@kept_per_content_version
def event_calendar(request, locale, pk):
    """One public event of that locale, past or upcoming, to add to a calendar."""
    try:
        check_language(locale)
        with translation.override(locale):
            scope = selection.FeedScope(locale)
            NO_PARAMETERS.check_shape(request.GET)
            found = public_pages(EventPage, scope.tree).filter(locale_id=scope.locale_id)
            event = found.filter(pk=pk).select_related("organiser").first() if pk <= MAX_PAGE_ID else None
            if event is None:
                return text_response(f"No public event with id {pk} in this language.", 404)
            return calendar_response(calendar(scope, [event], event.title), f"event-{pk}.ics", locale)
    except UnknownLocale as error:
        return text_response(str(error), 404)
    except BadParameters as error:
        return text_response("\n".join(error.lines()), 400)


def calendar(scope, events, name):
    cal = Calendar()
    cal.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Portal//{scope.locale.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIME_ZONE)
    organisers = scope.organisers(events)
    for page in events:
        cal.add_component(vevent(scope, page, organisers))
    cal.add_component(vtimezone(events))
    return cal


def vtimezone(events):
    """Europe/Warsaw with the transitions around these events (a year either side), not fifty years of them."""
    today = timezone.localdate()
    first = min([today, *(timezone.localtime(page.start).date() for page in events)])
    last = max([today, *(timezone.localtime(page.end).date() for page in events)])
    return Timezone.from_tzid(
        TIME_ZONE, first_date=first - datetime.timedelta(days=366), last_date=last + datetime.timedelta(days=366)
    )


def vevent(scope, page, organisers):
    event = Event()
    host = urlsplit(settings.FRONTEND_BASE_URL).hostname
    url = scope.frontend_url(page)
    event.add("uid", f"{page.translation_key}.{scope.locale}@{host}")
    stamp = page.last_published_at or timezone.now()
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.UTC))
    if page.first_published_at:
        event.add("created", page.first_published_at.astimezone(datetime.UTC))
    if page.is_all_day:
        start, end = timezone.localtime(page.start).date(), timezone.localtime(page.end).date()
        event.add("dtstart", start)
        event.add("dtend", end + datetime.timedelta(days=1))
    else:
        zone = ZoneInfo(TIME_ZONE)
        event.add("dtstart", page.start.astimezone(zone))
        event.add("dtend", page.end.astimezone(zone))
    event.add("summary", page.title)
    event.add("status", STATUS.get(page.status, "CONFIRMED"))
    event.add("url", url)
    place = [part for part in (page.venue_name, page.venue_address, page.city) if part]
    event.add("location", ", ".join([*place, str(page.get_country_display())]))
    if page.latitude is not None and page.longitude is not None:
        event.add("geo", vGeo((float(page.latitude), float(page.longitude))))
    event.add("categories", [str(page.get_event_type_display())])
    organiser = organisers.get(page.organiser.translation_key) if page.organiser_id else None
    lines = [f"{_('Organiser')}: {organiser}"] if organiser else []
    event.add("description", "\n\n".join([*lines, *([page.summary] if page.summary else []), url]))
    return event


def calendar_response(cal, filename, language):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Language"] = language
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response


def text_response(message, status):
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
