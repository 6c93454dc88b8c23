from core.api.filters import LocalizedFilterSet
from home.models import StandardPage


class StandardPageFilterSet(LocalizedFilterSet):
    """Standard pages are few: the locale is their only filter."""

    class Meta:
        model = StandardPage
        fields = []
