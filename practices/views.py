from django.db.models import F
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from core.api.views import (
    ERRORS,
    LIST_ERRORS,
    LOCALE_PARAMETER,
    PublicPageViewSet,
    PublicResourceView,
    group_rows,
    localized_rows,
)
from events.models import EventPage, EventRelatedPractice
from partners.models import PartnerPage
from practices.filters import PracticeFilterSet
from practices.models import PracticeInstitution, PracticePage, PracticeTopic, Topic
from practices.serializers import PracticeDetailSerializer, PracticeSummarySerializer, TopicSerializer

RICH_TEXT_FIELDS = ("challenge", "what_was_done", "resources_needed", "results", "difficulties", "transferability")


@extend_schema_view(
    list=extend_schema(tags=["practices"], responses={200: PracticeSummarySerializer(many=True), **LIST_ERRORS}),
    retrieve=extend_schema(tags=["practices"], responses={200: PracticeDetailSerializer, **ERRORS}),
)
class PracticeViewSet(PublicPageViewSet):
    """Good practices: list (compact summaries, filterable) and detail (every field)."""

    model = PracticePage
    endpoint = "practices"
    filterset_class = PracticeFilterSet
    list_serializer_class = PracticeSummarySerializer
    detail_serializer_class = PracticeDetailSerializer
    list_fields = (
        *PublicPageViewSet.list_fields,
        "summary",
        "main_image_id",
        "agglomeration",
        "funding_source",
        "municipality",
        "start_date",
        "end_date",
        "is_ongoing",
        "latitude",
        "longitude",
        "is_sample_record",
    )

    def optimise(self, queryset):
        return queryset.order_by("-first_published_at", "-id")

    def prepare(self, items, render):
        super().prepare(items, render)
        ids = [page.pk for page in items]
        render.image_ids.update(page.main_image_id for page in items if page.main_image_id)
        topics = PracticeTopic.objects.filter(page_id__in=ids, topic__live=True).order_by("sort_order", "pk")
        render.related["topics"] = group_rows(
            topics.values("page_id", "topic_id", slug=F("topic__slug"), name=F("topic__name")), "page_id"
        )
        links = PracticeInstitution.objects.filter(page_id__in=ids).order_by("sort_order", "pk")
        links = list(links.values("page_id", key=F("partner__translation_key")))
        partners = localized_rows(
            PartnerPage, [link["key"] for link in links], render.locale_id, self.tree, ("short_name", "logo_id")
        )
        render.related["institutions"] = {
            page_id: [partners[link["key"]] for link in page_links if link["key"] in partners]
            for page_id, page_links in group_rows(links, "page_id").items()
        }
        if self.action == "retrieve":
            (page,) = items
            render.image_ids.update(partner.logo_id for partner in partners.values() if partner.logo_id)
            for stream in (page.body, page.documents, page.external_links):
                render.collect_stream(stream)
            for field in RICH_TEXT_FIELDS:
                render.collect_rich_text(getattr(page, field))
            event_keys = EventRelatedPractice.objects.filter(
                practice__translation_key=page.translation_key
            ).values_list("page__translation_key", flat=True)
            events = localized_rows(EventPage, event_keys, render.locale_id, self.tree, ("start",))
            render.related["events"] = sorted(events.values(), key=lambda event: event.start)


@extend_schema(
    tags=["practices"], parameters=[LOCALE_PARAMETER], responses={200: TopicSerializer(many=True), **LIST_ERRORS}
)
class TopicListView(PublicResourceView):
    """The topics of good practices in one locale, by name."""

    extra_params = ("locale",)

    def render(self):
        topics = Topic.objects.filter(locale_id=self.request_locale(), live=True).order_by("name", "pk")
        return Response(TopicSerializer(topics, many=True).data)
