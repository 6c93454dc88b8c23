import django_filters

from core.api.filters import LocalizedFilterSet, StableOrderingFilter
from core.models import Country
from partners.models import InstitutionType, PartnerPage, PartnerRole


class PartnerFilterSet(LocalizedFilterSet):
    type = django_filters.MultipleChoiceFilter(
        field_name="institution_type", choices=InstitutionType.choices, help_text="One or more institution types."
    )
    role = django_filters.MultipleChoiceFilter(choices=PartnerRole.choices, help_text="One or more roles.")
    country = django_filters.ChoiceFilter(choices=Country.choices)
    ordering = StableOrderingFilter(
        fields=(("title", "title"), ("short_name", "short_name")),
        help_text="Sort by title or short_name; prefix - for descending. Default: lead partner first, then title.",
    )

    class Meta:
        model = PartnerPage
        fields = []
