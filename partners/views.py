from django.db.models import Case, IntegerField, Value, When
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.serializers import Row
from core.api.sql import LINK_FIELDS
from core.api.tree import public_pages
from core.api.views import ERRORS, LIST_ERRORS, PublicPageViewSet
from events.models import EventPage
from partners.filters import PartnerFilterSet
from partners.models import PartnerPage, PartnerRole
from partners.serializers import PartnerDetailSerializer, PartnerSummarySerializer
from practices.models import PracticePage

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
    list_fields = (
        *PublicPageViewSet.list_fields,
        "short_name",
        "institution_type",
        "role",
        "country",
        "website",
        "latitude",
        "longitude",
        "logo_id",
    )

    def optimise(self, queryset):
        return queryset.order_by(ROLE_ORDER, "title", "id")

    def prepare(self, items, render):
        super().prepare(items, render)
        render.image_ids.update(page.logo_id for page in items if page.logo_id)
        if self.action == "retrieve":
            (page,) = items
            render.collect_rich_text(page.description)
            # Links to partners are synchronised from the source, so they point at
            # the source-language page: match every translation of this partner.
            same_partner = PartnerPage.objects.filter(translation_key=page.translation_key).values("pk")
            practices = public_pages(PracticePage, self.tree).filter(
                locale_id=page.locale_id,
                pk__in=PracticePage.objects.filter(institutions__partner__in=same_partner).values("pk"),
            )
            events = public_pages(EventPage, self.tree).filter(locale_id=page.locale_id, organiser__in=same_partner)
            render.related["practices"] = [Row(**row) for row in practices.order_by("title").values(*LINK_FIELDS)]
            render.related["events"] = [Row(**row) for row in events.order_by("start").values(*LINK_FIELDS)]
