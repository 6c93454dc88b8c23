from django.db.models import Case, IntegerField, Value, When
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.views import ERRORS, LIST_ERRORS
from core.api.viewsets import PublicPageViewSet
from core.api_fields import list_columns, rich_text_fields
from partners.filters import PartnerFilterSet
from partners.models import PartnerPage, PartnerRole
from partners.serializers import PartnerDetailSerializer, PartnerSummarySerializer

ROLE_ORDER = Case(
    When(role=PartnerRole.LEAD_PARTNER, then=Value(0)),
    When(role=PartnerRole.PARTNER, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


@extend_schema_view(
    list=extend_schema(tags=["partners"], responses={200: PartnerSummarySerializer(many=True), **LIST_ERRORS}),
    retrieve=extend_schema(tags=["partners"], responses={200: PartnerDetailSerializer, **ERRORS}),
)
class PartnerViewSet(PublicPageViewSet):
    """Partner institutions: list (filterable) and detail with their practices and events."""

    model = PartnerPage
    endpoint = "partners"
    filterset_class = PartnerFilterSet
    list_serializer_class = PartnerSummarySerializer
    detail_serializer_class = PartnerDetailSerializer
    ordering = (ROLE_ORDER, "title", "id")
    list_fields = (*PublicPageViewSet.list_fields, *list_columns(PartnerPage))

    def prepare(self, items, render):
        super().prepare(items, render)
        render.image_ids.update(page.logo_id for page in items if page.logo_id)
        if self.action == "retrieve":
            (page,) = items
            for field in rich_text_fields(PartnerPage):
                render.collect_rich_text(getattr(page, field))
