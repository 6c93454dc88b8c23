import django_filters
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core.api.filters import (
    SLUG_PATTERN,
    BooleanFilter,
    IntegerFilter,
    LocalizedFilterSet,
    SlugListFilter,
    StableOrderingFilter,
    same_content_as,
)
from core.models import Country
from practices.models import Agglomeration, FundingSource, PracticePage, PracticeTopic

#: Practices without a NUTS-3 code count for the country of their agglomeration.
AGGLOMERATION_COUNTRY = {Country.POLAND: Agglomeration.OPOLE, Country.CZECHIA: Agglomeration.OLOMOUC}


class PracticeFilterSet(LocalizedFilterSet):
    topic = SlugListFilter(
        method="filter_topic",
        help_text="Topic slugs; several (`topic=a&topic=b` or `topic=a,b`) match practices with any of them.",
    )
    agglomeration = django_filters.MultipleChoiceFilter(choices=Agglomeration.choices, help_text="One or more.")
    funding_source = django_filters.MultipleChoiceFilter(choices=FundingSource.choices, help_text="One or more.")
    partner = IntegerFilter(
        method="filter_partner", min_value=1, help_text="Id of an implementing partner's page, in any locale."
    )
    country = django_filters.ChoiceFilter(
        choices=Country.choices, method="filter_country", help_text="By NUTS-3 code, else by agglomeration."
    )
    active_in = IntegerFilter(
        method="filter_active_in", min_value=1900, max_value=2100, help_text="Practices running in this year."
    )
    active_from = django_filters.DateFilter(
        method="filter_active_from", help_text="Practices running on or after this date (YYYY-MM-DD)."
    )
    active_to = django_filters.DateFilter(
        method="filter_active_to", help_text="Practices running on or before this date (YYYY-MM-DD)."
    )
    has_coordinates = BooleanFilter(method="filter_has_coordinates", help_text="true or false.")
    validated = BooleanFilter(
        method="filter_validated", help_text="true: validated by one Polish and one Czech expert; false: not (yet)."
    )
    ordering = StableOrderingFilter(
        fields=(
            ("title", "title"),
            ("start_date", "start_date"),
            ("first_published_at", "first_published_at"),
            ("last_published_at", "last_published_at"),
        ),
        help_text="Sort by title, start_date, first_published_at or last_published_at; prefix - for descending. "
        "Default: most recently published first.",
    )

    class Meta:
        model = PracticePage
        fields = []

    @extend_schema_field({"type": "string", "pattern": SLUG_PATTERN})
    def filter_topic(self, queryset, name, value):
        """Published topics only: a draft topic's slug matches nothing, exactly like an unknown slug."""
        return queryset.filter(
            pk__in=PracticeTopic.objects.filter(topic__slug__in=value, topic__live=True).values("page_id")
        )

    @extend_schema_field({"type": "integer", "minimum": 1})
    def filter_partner(self, queryset, name, value):
        return queryset.filter(
            pk__in=PracticePage.objects.filter(institutions__partner__translation_key=same_content_as(value)).values(
                "pk"
            )
        )

    @extend_schema_field({"type": "string", "enum": Country.values})
    def filter_country(self, queryset, name, value):
        return queryset.filter(
            Q(nuts3_code__startswith=value) | Q(nuts3_code="", agglomeration=AGGLOMERATION_COUNTRY[value])
        )

    @extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 2100})
    def filter_active_in(self, queryset, name, value):
        year = value
        return queryset.filter(Q(start_date__year__lte=year) & (Q(end_date__isnull=True) | Q(end_date__year__gte=year)))

    @extend_schema_field(OpenApiTypes.DATE)
    def filter_active_from(self, queryset, name, value):
        return queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=value))

    @extend_schema_field(OpenApiTypes.DATE)
    def filter_active_to(self, queryset, name, value):
        return queryset.filter(start_date__lte=value)

    @extend_schema_field(OpenApiTypes.BOOL)
    def filter_has_coordinates(self, queryset, name, value):
        with_coordinates = Q(latitude__isnull=False, longitude__isnull=False)
        return queryset.filter(with_coordinates if value else ~with_coordinates)

    @extend_schema_field(OpenApiTypes.BOOL)
    def filter_validated(self, queryset, name, value):
        return queryset.filter(validated_at__isnull=not value)
