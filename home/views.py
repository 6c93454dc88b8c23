"""The home page of each locale and the standard pages (about, contact, the accessibility statement)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from core.api.sql import localized_rows, translations_of
from core.api.tree import public_pages
from core.api.views import ERRORS, LIST_ERRORS, LOCALE_PARAMETER, PublicResourceView
from core.api.viewsets import PublicPageViewSet
from core.api_fields import list_columns, rich_text_fields
from events.models import EventPage
from home.filters import StandardPageFilterSet
from home.models import HomePage, StandardPage
from home.serializers import HomeSerializer, StandardPageDetailSerializer, StandardPageSummarySerializer
from partners.models import PartnerPage
from partners.views import PartnerViewSet
from practices.models import PracticePage


@extend_schema(tags=["site"], parameters=[LOCALE_PARAMETER], responses={200: HomeSerializer, **ERRORS})
class HomeView(PublicResourceView):
    """The landing page of one locale: the project's facts, partners and featured practices and events."""

    extra_params = ("locale",)

    def render(self):
        locale_id = self.request_locale()
        page = public_pages(HomePage, self.tree).filter(locale_id=locale_id).first()
        if page is None:
            raise NotFound("This locale has no published home page.")
        return Response(self.represent(page))

    def represent_draft(self, draft, request):
        """A draft home page for the preview endpoint, in the shape of this view's answer."""
        return self.represent(draft)

    def represent(self, page):
        """The JSON of a home page instance: the live one here, a draft in the preview endpoint."""
        locale_id = page.locale_id
        render = self.render_context(locale_id)
        render.translations = translations_of([page], self.tree)

        def localized(model, links, extra_fields):
            keys = list(links)
            found = localized_rows(model, keys, locale_id, self.tree, extra_fields)
            return [found[key] for key in keys if key in found]

        render.related["partners"] = localized(
            PartnerPage,
            page.project_partners.order_by("sort_order").values_list("partner__translation_key", flat=True),
            PartnerViewSet.list_fields,
        )
        render.related["practices"] = localized(
            PracticePage,
            page.featured_practices.order_by("sort_order").values_list("practice__translation_key", flat=True),
            ("summary",),
        )
        render.related["events"] = localized(
            EventPage,
            page.featured_events.order_by("sort_order").values_list("event__translation_key", flat=True),
            ("summary",),
        )
        for field in rich_text_fields(HomePage):
            render.collect_rich_text(getattr(page, field))
        render.image_ids.update(partner.logo_id for partner in render.related["partners"] if partner.logo_id)
        render.translations.update(translations_of(render.related["partners"], self.tree))
        render.resolve()
        return HomeSerializer(page, context={"render": render}).data


@extend_schema_view(
    list=extend_schema(tags=["site"], responses={200: StandardPageSummarySerializer(many=True), **LIST_ERRORS}),
    retrieve=extend_schema(tags=["site"], responses={200: StandardPageDetailSerializer, **ERRORS}),
)
class StandardPageViewSet(PublicPageViewSet):
    """Standard pages (about, contact, the accessibility statement): list in tree order, and detail with the body."""

    model = StandardPage
    endpoint = "standard-pages"
    filterset_class = StandardPageFilterSet
    list_serializer_class = StandardPageSummarySerializer
    detail_serializer_class = StandardPageDetailSerializer
    ordering = ("path",)
    list_fields = (*PublicPageViewSet.list_fields, *list_columns(StandardPage))

    def prepare(self, items, render):
        super().prepare(items, render)
        if self.action == "retrieve":
            (page,) = items
            render.collect_stream(page.body)
