"""The home page's project facts and highlights, and standard pages (about, contact, ...), as the API shows them.

A standard page's fields are those `StandardPage.public_api_fields` declares.
"""

from rest_framework import serializers

from core.api.declared import DeclaredPageSerializer
from core.api.serializers import BODY_BLOCKS, PageLinkSerializer, PageMetaSerializer, page_link, page_meta
from home.models import StandardPage
from partners.serializers import PartnerSummarySerializer


class FeaturedPageSerializer(PageLinkSerializer):
    summary = serializers.CharField(allow_blank=True)


class HomeSerializer(PageMetaSerializer):
    project_name = serializers.CharField()
    project_acronym = serializers.CharField()
    intro = serializers.CharField(allow_blank=True, help_text="HTML.")
    programme = serializers.CharField(allow_blank=True)
    period_start = serializers.DateField(allow_null=True)
    period_end = serializers.DateField(allow_null=True)
    co_financing = serializers.CharField(allow_blank=True)
    objectives = serializers.ListField(child=serializers.CharField())
    activities = serializers.ListField(child=serializers.CharField())
    target_groups = serializers.ListField(child=serializers.CharField())
    partners = PartnerSummarySerializer(many=True, help_text="Project partners, in this locale.")
    featured_practices = FeaturedPageSerializer(many=True)
    featured_events = FeaturedPageSerializer(many=True)

    def represent(self, page, render):
        partner_serializer = PartnerSummarySerializer()
        return {
            **page_meta(page, render, "home", "home"),
            "project_name": page.project_name,
            "project_acronym": page.project_acronym,
            "intro": render.rich_text(page.intro),
            "programme": page.programme,
            "period_start": page.period_start.isoformat() if page.period_start else None,
            "period_end": page.period_end.isoformat() if page.period_end else None,
            "co_financing": page.co_financing,
            "objectives": [item.value for item in page.objectives],
            "activities": [item.value for item in page.activities],
            "target_groups": [item.value for item in page.target_groups],
            "partners": [partner_serializer.represent(partner, render) for partner in render.related["partners"]],
            "featured_practices": [
                {**page_link(practice, render, "practices"), "summary": practice.summary}
                for practice in render.related["practices"]
            ],
            "featured_events": [
                {**page_link(event, render, "events"), "summary": event.summary} for event in render.related["events"]
            ],
        }


class StandardPageSummarySerializer(DeclaredPageSerializer):
    """A standard page (about, contact, the accessibility statement) in lists: what a link to it needs."""

    api_model = StandardPage
    listed_only = True


class StandardPageDetailSerializer(StandardPageSummarySerializer):
    """A standard page with its StreamField body, typed like a practice's."""

    listed_only = False
    body = BODY_BLOCKS

    def represent_body(self, page, render):
        return render.stream(page.body)
