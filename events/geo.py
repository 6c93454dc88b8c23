"""Events on the map (GeoJSON), filtered like the event list."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from core.api.geo import GeoFeatureView, GeoPropertiesSerializer, feature_collection_serializer
from core.api.serializers import iso
from core.api.views import LIST_ERRORS
from core.models import Country
from events.filters import EventFilterSet
from events.models import EventPage, EventStatus, EventType


class EventGeoPropertiesSerializer(GeoPropertiesSerializer):
    event_type = serializers.ChoiceField(choices=EventType.choices)
    status = serializers.ChoiceField(choices=EventStatus.choices)
    start = serializers.DateTimeField(help_text="ISO 8601 with the Europe/Warsaw offset.")
    end = serializers.DateTimeField()
    is_all_day = serializers.BooleanField()
    city = serializers.CharField()
    country = serializers.ChoiceField(choices=Country.choices)


@extend_schema(
    tags=["map"],
    responses={200: feature_collection_serializer("Event", EventGeoPropertiesSerializer), **LIST_ERRORS},
)
class EventGeoView(GeoFeatureView):
    """Events with coordinates, by start time, as a GeoJSON FeatureCollection; the event list's filters apply."""

    model = EventPage
    kind = "event"
    endpoint = "events"
    filterset_class = EventFilterSet
    fields = ("event_type", "status", "start", "end", "is_all_day", "city", "country")
    ordering = ("start", "id")

    def properties(self, row):
        return {
            **{name: row[name] for name in ("event_type", "status", "is_all_day", "city", "country")},
            "start": iso(row["start"]),
            "end": iso(row["end"]),
        }
