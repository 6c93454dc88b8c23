from django.db.models import F
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.links import PageLinks
from core.api.sql import localized_rows
from core.api.views import ERRORS, LIST_ERRORS
from core.api.viewsets import PublicPageViewSet
from core.api_fields import list_columns
from events.filters import EventFilterSet
from events.models import EventPage
from events.serializers import EventDetailSerializer, EventSummarySerializer
from partners.models import PartnerPage


@extend_schema_view(
    list=extend_schema(tags=["events"], responses={200: EventSummarySerializer(many=True), **LIST_ERRORS}),
    retrieve=extend_schema(tags=["events"], responses={200: EventDetailSerializer, **ERRORS}),
)
class EventViewSet(PublicPageViewSet):
    """Events: study visits, staff exchanges, network meetings; list (filterable) and detail."""

    model = EventPage
    endpoint = "events"
    filterset_class = EventFilterSet
    list_serializer_class = EventSummarySerializer
    detail_serializer_class = EventDetailSerializer
    ordering = ("start", "id")
    list_fields = (*PublicPageViewSet.list_fields, *list_columns(EventPage))
    list_annotations = {"organiser_key": F("organiser__translation_key")}
    links = (PageLinks("practices", via="related_practices", target="practice", detail_only=True, distinct=True),)

    def prepare(self, items, render):
        super().prepare(items, render)
        keys = [page.organiser_key for page in items]
        render.related["partners"] = localized_rows(PartnerPage, keys, render.locale_id, self.tree, ("short_name",))
        if self.action == "retrieve":
            (page,) = items
            render.collect_stream(page.description)
