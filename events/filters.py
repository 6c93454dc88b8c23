import django_filters
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core.api.filters import (
    BooleanFilter,
    DateTimeFilter,
    IntegerFilter,
    LocalizedFilterSet,
    StableOrderingFilter,
    same_content_as,
)
from core.models import Country
from events.models import EventPage, EventStatus, EventType


class EventFilterSet(LocalizedFilterSet):
    type = django_filters.MultipleChoiceFilter(
        field_name="event_type", choices=EventType.choices, help_text="One or more event types."
    )
    starts_after = DateTimeFilter(
        field_name="start", lookup_expr="gte", help_text="Events starting at or after this ISO 8601 date-time."
    )
    starts_before = DateTimeFilter(
        field_name="start", lookup_expr="lt", help_text="Events starting before this ISO 8601 date-time."
    )
    ends_after = DateTimeFilter(
        field_name="end",
        lookup_expr="gte",
        help_text="Events ending at or after this ISO 8601 date-time; with starts_before, the events that overlap "
        "a period (a calendar's month, multi-day events included).",
    )
    upcoming = BooleanFilter(method="filter_upcoming", help_text="true: events not yet ended.")
    past = BooleanFilter(method="filter_past", help_text="true: events that have ended.")
    status = django_filters.MultipleChoiceFilter(choices=EventStatus.choices, help_text="One or more.")
    organiser = IntegerFilter(
        method="filter_organiser", min_value=1, help_text="Id of the organising partner's page, in any locale."
    )
    country = django_filters.ChoiceFilter(choices=Country.choices)
    ordering = StableOrderingFilter(
        fields=(("start", "start"), ("title", "title"), ("last_published_at", "last_published_at")),
        help_text="Sort by start, title or last_published_at; prefix - for descending. Default: start.",
    )

    class Meta:
        model = EventPage
        fields = []

    @extend_schema_field(OpenApiTypes.BOOL)
    def filter_upcoming(self, queryset, name, value):
        now = timezone.now()
        return queryset.filter(end__gte=now) if value else queryset.filter(end__lt=now)

    @extend_schema_field(OpenApiTypes.BOOL)
    def filter_past(self, queryset, name, value):
        return self.filter_upcoming(queryset, name, not value)

    @extend_schema_field({"type": "integer", "minimum": 1})
    def filter_organiser(self, queryset, name, value):
        return queryset.filter(organiser__translation_key=same_content_as(value))
