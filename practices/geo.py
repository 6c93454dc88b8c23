"""Good practices on the map (GeoJSON), filtered like the practice list."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from core.api.geo import GeoFeatureView, GeoPropertiesSerializer, feature_collection_serializer
from core.api.views import LIST_ERRORS
from practices.filters import PracticeFilterSet
from practices.models import Agglomeration, PracticePage


class PracticeGeoPropertiesSerializer(GeoPropertiesSerializer):
    summary = serializers.CharField()
    agglomeration = serializers.ChoiceField(choices=Agglomeration.choices)
    municipality = serializers.CharField(allow_blank=True)
    is_sample_record = serializers.BooleanField()


@extend_schema(
    tags=["map"],
    responses={200: feature_collection_serializer("Practice", PracticeGeoPropertiesSerializer), **LIST_ERRORS},
)
class PracticeGeoView(GeoFeatureView):
    """Good practices with coordinates, as a GeoJSON FeatureCollection; the practice list's filters apply."""

    model = PracticePage
    kind = "practice"
    endpoint = "practices"
    filterset_class = PracticeFilterSet
    fields = ("summary", "agglomeration", "municipality", "is_sample_record")
