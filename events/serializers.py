"""What the public API says about events: the fields `EventPage.public_api_fields` declares."""

from rest_framework import serializers

from core.api.declared import DeclaredPageSerializer
from core.api.serializers import BODY_BLOCKS, PageLinkSerializer, page_link
from events.models import EventPage, TargetGroup
from practices.serializers import PartnerLinkSerializer


class EventSummarySerializer(DeclaredPageSerializer):
    api_model = EventPage
    listed_only = True
    organiser = PartnerLinkSerializer(allow_null=True, help_text="In this item's locale.")

    def represent_organiser(self, page, render):
        organiser = render.related["partners"].get(page.organiser_key)
        if not organiser:
            return None
        return {**page_link(organiser, render, "partners"), "short_name": organiser.short_name}


class EventDetailSerializer(EventSummarySerializer):
    listed_only = False
    description = BODY_BLOCKS
    target_groups = serializers.ListField(child=serializers.ChoiceField(choices=TargetGroup.choices))
    related_practices = PageLinkSerializer(many=True, help_text="In this item's locale.")

    def represent_description(self, page, render):
        return render.stream(page.description)

    def represent_target_groups(self, page, render):
        return list(page.target_groups)

    def represent_related_practices(self, page, render):
        return [page_link(practice, render, "practices") for practice in render.related["practices"].get(page.pk, ())]
