from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from core.api.links import PageLinks, SnippetLinks
from core.api.views import ERRORS, LIST_ERRORS, LOCALE_PARAMETER, PublicResourceView
from core.api.viewsets import PublicPageViewSet
from core.api_fields import list_columns, rich_text_fields
from practices.filters import PracticeFilterSet
from practices.models import PracticePage
from practices.selectors import NEWEST_FIRST, live_topics
from practices.serializers import PracticeDetailSerializer, PracticeSummarySerializer, TopicSerializer


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
    ordering = NEWEST_FIRST
    list_fields = (*PublicPageViewSet.list_fields, *list_columns(PracticePage))
    links = (
        SnippetLinks("topics", via="topic_links", target="topic", fields=("slug", "name")),
        PageLinks("institutions", via="institutions", target="partner", fields=("short_name", "logo_id")),
    )

    def prepare(self, items, render):
        super().prepare(items, render)
        render.image_ids.update(page.main_image_id for page in items if page.main_image_id)
        if self.action == "retrieve":
            (page,) = items
            institutions = render.related["institutions"].get(page.pk, ())
            render.image_ids.update(partner.logo_id for partner in institutions if partner.logo_id)
            for stream in (page.body, page.documents, page.external_links):
                render.collect_stream(stream)
            for field in rich_text_fields(PracticePage):
                render.collect_rich_text(getattr(page, field))


@extend_schema(
    tags=["practices"], parameters=[LOCALE_PARAMETER], responses={200: TopicSerializer(many=True), **LIST_ERRORS}
)
class TopicListView(PublicResourceView):
    """The topics of good practices in one locale, by name."""

    extra_params = ("locale",)

    def render(self):
        topics = live_topics(self.request_locale())
        return Response(TopicSerializer(topics, many=True).data)
