"""Partner institutions on the map (GeoJSON), filtered like the partner list."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from core.api.geo import GeoFeatureView, GeoPropertiesSerializer, feature_collection_serializer
from core.api.views import LIST_ERRORS
from core.models import Country
from partners.filters import PartnerFilterSet
from partners.models import InstitutionType, PartnerPage, PartnerRole


class PartnerGeoPropertiesSerializer(GeoPropertiesSerializer):
    short_name = serializers.CharField(allow_blank=True)
    institution_type = serializers.ChoiceField(choices=InstitutionType.choices)
    role = serializers.ChoiceField(choices=PartnerRole.choices)
    country = serializers.ChoiceField(choices=Country.choices)


@extend_schema(
    tags=["map"],
    responses={200: feature_collection_serializer("Partner", PartnerGeoPropertiesSerializer), **LIST_ERRORS},
)
class PartnerGeoView(GeoFeatureView):
    """Partner institutions with coordinates, as a GeoJSON FeatureCollection; the partner list's filters apply."""

    model = PartnerPage
    kind = "partner"
    endpoint = "partners"
    filterset_class = PartnerFilterSet
    fields = ("short_name", "institution_type", "role", "country")
