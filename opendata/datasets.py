"""The four collections offered as open data: their columns and their public items per locale.

Each collection reads its content app's named query (`<app>/selectors.py`), the same
public tree as the API, so a download holds exactly what the API lists. Columns are
declared once here and documented in docs/open-data.md; the CSV, JSON and GeoJSON
downloads all derive from them. Choice fields carry their stable codes, not labels.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Max, Prefetch

from core.api.sql import localized_rows
from events.selectors import public_events
from partners.models import PartnerPage
from partners.selectors import public_partners
from practices.selectors import live_topics, public_practices, published_topic_links

#: Rows read from the database at a time: a 10,000-item download never holds every model instance at once.
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Any  # (item, scope) -> a str, number, bool, date or None


@dataclass
class Scope:
    """One download: the public tree, the locale and what the columns look up once for all items."""

    tree: Any
    locale: str
    locale_id: int
    organisers: dict | None = None

    def url(self, page):
        path = self.tree.path_for(page.locale_id, page.url_path)
        return f"{settings.FRONTEND_BASE_URL}{path}" if path else None


def _field(name):
    return lambda item, scope: getattr(item, name)


def _number(name):
    return lambda item, scope: None if getattr(item, name) is None else float(getattr(item, name))


ID = Column("id", "The page's id, stable across edits; the same as in the API.", _field("pk"))
TITLE = Column("title", "Title in this language.", _field("title"))
URL = Column("url", "The page on the portal.", lambda item, scope: scope.url(item))
LATITUDE = Column("latitude", "WGS 84 latitude, empty when not given.", _number("latitude"))
LONGITUDE = Column("longitude", "WGS 84 longitude, empty when not given.", _number("longitude"))
PUBLISHED = Column("first_published_at", "When first published (ISO 8601, UTC).", _field("first_published_at"))
UPDATED = Column("last_published_at", "When last published (ISO 8601, UTC).", _field("last_published_at"))


@dataclass(frozen=True)
class Collection:
    name: str
    columns: tuple[Column, ...]
    geographic: bool

    def items(self, scope):
        return COLLECTION_ITEMS[self.name](scope)

    def modified(self, scope):
        return self.query(scope).aggregate(newest=Max("last_published_at"))["newest"]

    def query(self, scope):
        return COLLECTION_QUERIES[self.name](scope)


def _practices(scope):
    topics = Prefetch("topic_links", queryset=published_topic_links().select_related("topic"))
    return _practice_query(scope).prefetch_related(topics).iterator(chunk_size=CHUNK)


def _practice_query(scope):
    return public_practices(scope.tree, scope.locale_id)


def _events(scope):
    events = _event_query(scope)
    keys = events.filter(organiser__isnull=False).values_list("organiser__translation_key", flat=True)
    rows = localized_rows(PartnerPage, list(keys), scope.locale_id, scope.tree)
    scope.organisers = {key: row.title for key, row in rows.items()}
    return events.select_related("organiser").iterator(chunk_size=CHUNK)


def _event_query(scope):
    return public_events(scope.tree, scope.locale_id)


def _partner_query(scope):
    return public_partners(scope.tree, scope.locale_id)


def _topic_query(scope):
    return live_topics(scope.locale_id)


def _organiser(event, scope):
    return scope.organisers.get(event.organiser.translation_key) if event.organiser_id else None


COLLECTION_QUERIES = {
    "practices": _practice_query,
    "events": _event_query,
    "partners": _partner_query,
    "topics": _topic_query,
}
COLLECTION_ITEMS = {
    "practices": _practices,
    "events": _events,
    "partners": lambda scope: _partner_query(scope).iterator(chunk_size=CHUNK),
    "topics": lambda scope: _topic_query(scope).iterator(chunk_size=CHUNK),
}

COLLECTIONS = {
    collection.name: collection
    for collection in (
        Collection(
            "practices",
            (
                ID,
                TITLE,
                URL,
                Column("summary", "Short description.", _field("summary")),
                Column("agglomeration", "opole, olomouc or cross_border.", _field("agglomeration")),
                Column("municipality", "Municipality, named in this language.", _field("municipality")),
                Column("nuts3_code", "NUTS 3 region, e.g. CZ071.", _field("nuts3_code")),
                Column("funding_source", "Code of the funding source.", _field("funding_source")),
                Column("start_date", "When the practice began (ISO 8601 date).", _field("start_date")),
                Column("end_date", "When it ended; empty if ongoing.", _field("end_date")),
                Column("is_ongoing", "true while the practice runs.", _field("is_ongoing")),
                Column("budget_amount", "Total cost, if known.", _number("budget_amount")),
                Column("budget_currency", "ISO 4217 code of the budget.", _field("budget_currency")),
                Column(
                    "topics",
                    "Published topics, names separated by '; '.",
                    lambda item, scope: "; ".join(link.topic.name for link in item.topic_links.all()),
                ),
                LATITUDE,
                LONGITUDE,
                PUBLISHED,
                UPDATED,
            ),
            geographic=True,
        ),
        Collection(
            "events",
            (
                ID,
                TITLE,
                URL,
                Column("summary", "Short description.", _field("summary")),
                Column("event_type", "Code of the kind of event.", _field("event_type")),
                Column("status", "scheduled, cancelled or postponed.", _field("status")),
                Column("start", "Start (ISO 8601 with offset).", _field("start")),
                Column("end", "End (ISO 8601 with offset).", _field("end")),
                Column("is_all_day", "true for all-day events.", _field("is_all_day")),
                Column("venue_name", "Venue.", _field("venue_name")),
                Column("venue_address", "Venue address.", _field("venue_address")),
                Column("city", "City, named in this language.", _field("city")),
                Column("country", "ISO 3166-1 alpha-2 country code.", _field("country")),
                Column("organiser", "The organising partner's name in this language.", _organiser),
                Column("registration_url", "Where to register, if anywhere.", _field("registration_url")),
                LATITUDE,
                LONGITUDE,
                PUBLISHED,
                UPDATED,
            ),
            geographic=True,
        ),
        Collection(
            "partners",
            (
                ID,
                TITLE,
                URL,
                Column("short_name", "Abbreviation, if any.", _field("short_name")),
                Column("institution_type", "Code of the kind of institution.", _field("institution_type")),
                Column("role", "Code of the role in the project.", _field("role")),
                Column("country", "ISO 3166-1 alpha-2 country code.", _field("country")),
                Column("address", "Postal address.", _field("address")),
                Column("website", "The institution's website.", _field("website")),
                LATITUDE,
                LONGITUDE,
                PUBLISHED,
                UPDATED,
            ),
            geographic=True,
        ),
        Collection(
            "topics",
            (
                ID,
                Column("name", "Name in this language.", _field("name")),
                Column("slug", "The topic's filter value in the API (`topic=`).", _field("slug")),
                Column("description", "What the topic covers.", _field("description")),
                UPDATED,
            ),
            geographic=False,
        ),
    )
}
