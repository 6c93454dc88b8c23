"""What the public API says about events."""

from rest_framework import serializers

from core.api.serializers import BODY_BLOCKS, PageLinkSerializer, PageMetaSerializer, iso, page_link, page_meta
from core.models import Country
from events.models import EventStatus, EventType, TargetGroup
from practices.serializers import PartnerLinkSerializer


class EventSummarySerializer(PageMetaSerializer):
    summary = serializers.CharField(allow_blank=True)
    event_type = serializers.ChoiceField(choices=EventType.choices)
    status = serializers.ChoiceField(choices=EventStatus.choices)
    start = serializers.DateTimeField(help_text="ISO 8601 with the Europe/Warsaw offset.")
    end = serializers.DateTimeField()
    is_all_day = serializers.BooleanField()
    venue_name = serializers.CharField(allow_blank=True)
    city = serializers.CharField()
    country = serializers.ChoiceField(choices=Country.choices)
    registration_url = serializers.URLField(allow_blank=True)
    registration_deadline = serializers.DateTimeField(allow_null=True)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    organiser = PartnerLinkSerializer(allow_null=True, help_text="In this item's locale.")

    def represent(self, page, render):
        organiser = render.related["partners"].get(page.organiser_key)
        return {
            **page_meta(page, render, "event", "events"),
            "summary": page.summary,
            "event_type": page.event_type,
            "status": page.status,
            "start": iso(page.start),
            "end": iso(page.end),
            "is_all_day": page.is_all_day,
            "venue_name": page.venue_name,
            "city": page.city,
            "country": page.country,
            "registration_url": page.registration_url,
            "registration_deadline": iso(page.registration_deadline),
            "latitude": float(page.latitude) if page.latitude is not None else None,
            "longitude": float(page.longitude) if page.longitude is not None else None,
            "organiser": {**page_link(organiser, render, "partners"), "short_name": organiser.short_name}
            if organiser
            else None,
        }


class EventDetailSerializer(EventSummarySerializer):
    description = BODY_BLOCKS
    venue_address = serializers.CharField(allow_blank=True)
    target_groups = serializers.ListField(child=serializers.ChoiceField(choices=TargetGroup.choices))
    capacity = serializers.IntegerField(allow_null=True)
    related_practices = PageLinkSerializer(many=True, help_text="In this item's locale.")

    def represent(self, page, render):
        data = super().represent(page, render)
        data.update(
            {
                "description": render.stream(page.description),
                "venue_address": page.venue_address,
                "target_groups": list(page.target_groups),
                "capacity": page.capacity,
                "related_practices": [
                    page_link(practice, render, "practices") for practice in render.related["practices"]
                ],
            }
        )
        return data
