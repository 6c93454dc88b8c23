"""The home page's project facts and highlights, and standard pages (about, contact, ...), as the API shows them.

Their fields are those `HomePage.public_api_fields` and `StandardPage.public_api_fields` declare; only the
computed ones (the fact lists, the partners and the featured pages, the body) are written here.

`HomeSerializer` has no docstring: it would become the schema's description of the home item, which keeps
the one every page item has.
"""

from rest_framework import serializers

from core.api.declared import DeclaredPageSerializer
from core.api.serializers import BODY_BLOCKS, PageLinkSerializer, page_link
from home.models import HomePage, StandardPage
from partners.serializers import PartnerSummarySerializer


class FeaturedPageSerializer(PageLinkSerializer):
    summary = serializers.CharField(allow_blank=True)


class HomeSerializer(DeclaredPageSerializer):
    api_model = HomePage

    objectives = serializers.ListField(child=serializers.CharField())
    activities = serializers.ListField(child=serializers.CharField())
    target_groups = serializers.ListField(child=serializers.CharField())
    partners = PartnerSummarySerializer(many=True, help_text="Project partners, in this locale.")
    featured_practices = FeaturedPageSerializer(many=True)
    featured_events = FeaturedPageSerializer(many=True)

    def represent_objectives(self, page, render):
        return fact_list(page.objectives)

    def represent_activities(self, page, render):
        return fact_list(page.activities)

    def represent_target_groups(self, page, render):
        return fact_list(page.target_groups)

    def represent_partners(self, page, render):
        partner_serializer = PartnerSummarySerializer()
        return [partner_serializer.represent(partner, render) for partner in render.related["partners"]]

    def represent_featured_practices(self, page, render):
        return featured(render.related["practices"], render, "practices")

    def represent_featured_events(self, page, render):
        return featured(render.related["events"], render, "events")


def fact_list(stream):
    """A list of facts (objectives, activities, target groups) as the editors wrote it, one text per item."""
    return [item.value for item in stream]


def featured(pages, render, endpoint):
    return [{**page_link(page, render, endpoint), "summary": page.summary} for page in pages]


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
