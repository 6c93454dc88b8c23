from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from core.api.relations import load_related
from core.api.sql import draft_linked_rows, fetch, linked_rows, one_of
from core.api.views import (
    ERRORS,
    LIST_ERRORS,
    LOCALE_PARAMETER,
    PublicPageViewSet,
    PublicResourceView,
    group_rows,
)
from core.api_fields import list_columns, rich_text_fields
from partners.models import PartnerPage
from practices.filters import PracticeFilterSet
from practices.models import PracticeInstitution, PracticePage, PracticeTopic, Topic
from practices.selectors import newest_first
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
    list_fields = (*PublicPageViewSet.list_fields, *list_columns(PracticePage))

    def optimise(self, queryset):
        return newest_first(queryset)

    def prepare(self, items, render):
        super().prepare(items, render)
        ids = [page.pk for page in items]
        render.image_ids.update(page.main_image_id for page in items if page.main_image_id)
        if self.preview:
            (page,) = items
            render.related["topics"] = group_rows(draft_topic_rows(page), "page_id")
            institutions = draft_linked_rows(
                page.pk,
                page.institutions.all(),
                "partner",
                PartnerPage,
                render.locale_id,
                self.tree,
                extra_fields=("short_name", "logo_id"),
            )
        else:
            render.related["topics"] = group_rows(topic_rows(ids), "page_id")
            institutions = linked_rows(
                PracticeInstitution,
                "page",
                "partner",
                PartnerPage,
                render.locale_id,
                self.tree,
                owner_ids=ids,
                extra_fields=("short_name", "logo_id"),
            )
        render.related["institutions"] = {}
        for page_id, partner in institutions:
            render.related["institutions"].setdefault(page_id, []).append(partner)
        if self.action == "retrieve":
            (page,) = items
            render.image_ids.update(partner.logo_id for _, partner in institutions if partner.logo_id)
            for stream in (page.body, page.documents, page.external_links):
                render.collect_stream(stream)
            for field in rich_text_fields(PracticePage):
                render.collect_rich_text(getattr(page, field))
            # The events presenting it: the events app owns those links (`core.api.relations`).
            load_related(PracticePage, page, render, self.tree)


def topic_rows(page_ids):
    """The published topics of these practices (page_id, topic_id, slug, name), in the editors' order."""
    if not page_ids:
        return []
    links, topics = PracticeTopic._meta, Topic._meta
    owned, params = one_of("l.page_id", page_ids)
    return fetch(
        f"SELECT l.page_id, t.id, t.slug, t.name FROM {links.db_table} l JOIN {topics.db_table} t ON t.id = l.topic_id "
        f"WHERE {owned} AND t.live = %s ORDER BY l.sort_order, l.id",
        [*params, True],
        ("page_id", "topic_id", "slug", "name"),
    )


def draft_topic_rows(page):
    """`topic_rows()` of a draft (a preview): the published topics its in-memory links name, in their order."""
    ids = [link.topic_id for link in page.topic_links.all()]
    topics = Topic.objects.filter(pk__in=ids, live=True).in_bulk()
    return [
        {"page_id": page.pk, "topic_id": topic.pk, "slug": topic.slug, "name": topic.name}
        for topic in (topics.get(pk) for pk in ids)
        if topic is not None
    ]


@extend_schema(
    tags=["practices"], parameters=[LOCALE_PARAMETER], responses={200: TopicSerializer(many=True), **LIST_ERRORS}
)
class TopicListView(PublicResourceView):
    """The topics of good practices in one locale, by name."""

    extra_params = ("locale",)

    def render(self):
        topics = Topic.objects.filter(locale_id=self.request_locale(), live=True).order_by("name", "pk")
        return Response(TopicSerializer(topics, many=True).data)
