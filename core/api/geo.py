"""Map data: public pages with coordinates as GeoJSON FeatureCollections (RFC 7946).

Each content app declares its own view (`<app>/geo.py`): which model, which
FilterSet (the same as its API list, so a filter means the same on the map)
and which properties a feature carries. Points are `[longitude, latitude]` in
WGS 84, as RFC 7946 requires; pages without both coordinates are left out.
A map wants every point at once, so these lists are not paginated.
"""

from django.conf import settings
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from core.api.params import BadParameters
from core.api.tree import public_pages
from core.api.views import PublicAPIView


class GeoJSONRenderer(JSONRenderer):
    """`application/geo+json`, the media type RFC 7946 registers; plain JSON is offered too."""

    media_type = "application/geo+json"
    format = "geojson"


class PointSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Point"])
    coordinates = serializers.ListField(
        child=serializers.FloatField(), min_length=2, max_length=2, help_text="[longitude, latitude], WGS 84."
    )


class GeoPropertiesSerializer(serializers.Serializer):
    """Properties every feature has; the content apps add their own."""

    id = serializers.IntegerField()
    type = serializers.CharField(help_text="practice, event or partner.")
    locale = serializers.CharField()
    title = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path.")
    url = serializers.URLField(help_text="Absolute frontend URL.")
    api_url = serializers.URLField(help_text="The item's detail endpoint.")


def feature_collection_serializer(name, properties_serializer):
    """The documented shape of one type's FeatureCollection, e.g. `PracticeFeatureCollection`."""
    feature = type(
        f"{name}FeatureSerializer",
        (serializers.Serializer,),
        {
            "type": serializers.ChoiceField(choices=["Feature"]),
            "id": serializers.IntegerField(help_text="The page id, as in the API."),
            "geometry": PointSerializer(),
            "properties": properties_serializer(),
        },
    )
    return type(
        f"{name}FeatureCollectionSerializer",
        (serializers.Serializer,),
        {"type": serializers.ChoiceField(choices=["FeatureCollection"]), "features": feature(many=True)},
    )


class FormatNegotiation(DefaultContentNegotiation):
    """An unknown `format` is a bad parameter (400) like any other, not DRF's 404."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except Http404:
            names = ", ".join(renderer.format for renderer in renderers)
            raise BadParameters({"format": [f"Use one of: {names}."]}) from None


class GeoSchema(AutoSchema):
    """A FeatureCollection is a list in all but shape: document the FilterSet's parameters too."""

    def get_filter_backends(self):
        return getattr(self.view, "filter_backends", [])


class GeoFeatureView(PublicAPIView, GenericAPIView):
    """A FeatureCollection of one page type in one locale, filtered like that type's API list.

    Subclasses name the `model`, the `kind` and API `endpoint`, the
    `filterset_class` and the extra `fields` its features carry (`properties()`
    converts them where needed).
    """

    model = None
    kind = None
    endpoint = None
    fields = ()
    renderer_classes = [GeoJSONRenderer, JSONRenderer]
    filter_backends = [DjangoFilterBackend]
    pagination_class = None
    schema = GeoSchema()
    content_negotiation_class = FormatNegotiation
    #: DRF's renderer override: `geojson` (the default) or `json`.
    extra_params = ("format",)
    #: Default order; the FilterSet's `ordering` parameter overrides it.
    ordering = ("title", "id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return (
            public_pages(self.model, self.tree)
            .filter(locale_id=self.request_locale(), latitude__isnull=False, longitude__isnull=False)
            .order_by(*self.ordering)
        )

    def get(self, request):
        return self.handle_get(request, self.render)

    def render(self):
        queryset = self.filter_queryset(self.get_queryset())
        rows = queryset.values("id", "title", "locale_id", "url_path", "latitude", "longitude", *self.fields)
        render = self.render_context(self.request_locale())
        return Response({"type": "FeatureCollection", "features": [self.feature(row, render) for row in rows]})

    def feature(self, row, render):
        path = self.tree.path_for(row["locale_id"], row["url_path"])
        return {
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [float(row["longitude"]), float(row["latitude"])]},
            "properties": {
                "id": row["id"],
                "type": self.kind,
                "locale": self.tree.locale_codes[row["locale_id"]],
                "title": row["title"],
                "path": path,
                "url": f"{settings.FRONTEND_BASE_URL}{path}",
                "api_url": render.api_url(self.endpoint, row["id"]),
                **self.properties(row),
            },
        }

    def properties(self, row):
        """The type's own feature properties: its `fields` as read; override to convert values."""
        return {name: row[name] for name in self.fields}

    def worth_keeping(self, request):
        """Never stored: the media type follows the Accept header, which the stored answers are not keyed on."""
        return False
