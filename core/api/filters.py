"""Filter building blocks shared by the API's list endpoints."""

import datetime

import django_filters
from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db.models import Subquery
from drf_spectacular.utils import extend_schema_field
from wagtail.models import Page

from core.api.tree import public_pages


def content_language_choices():
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class IntegerFilter(django_filters.NumberFilter):
    """A whole number (NumberFilter would take 1.5 as an id)."""

    field_class = forms.IntegerField


class StrictBooleanField(forms.Field):
    """`true` or `false` (also 1/0); anything else is an error rather than "no filter"."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.VALUES[str(value).lower()]
        except KeyError:
            raise forms.ValidationError("Use true or false.", code="invalid") from None


class UTCIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """ISO 8601 date-time, normalised to UTC: the database refuses offsets beyond ±16 hours."""

    def clean(self, value):
        value = super().clean(value)
        if value is None:
            return None
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            # Within a day of the representable range: the nearest representable instant filters the same.
            limit = datetime.datetime.max if value.year == 9999 else datetime.datetime.min
            return limit.replace(tzinfo=datetime.UTC)


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCIsoDateTimeField


class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


#: A slug, as topics have them; the API's filters and search's `topic` take several.
SLUG = r"[-a-zA-Z0-9_]+"
SLUG_PATTERN = f"^{SLUG}$"
SLUG_PROBLEM = "Slugs contain letters, digits, - and _ only."


class RepeatedOrCommaSeparatedWidget(django_filters.widgets.BaseCSVWidget, forms.TextInput):
    """Reads `?a=x&a=y`, `?a=x,y` and mixtures of both as one list."""

    def value_from_datadict(self, data, files, name):
        if name not in data:
            return None
        return [item for value in data.getlist(name) for item in value.split(",")]


class NoEmptyItemsCSVField(django_filters.fields.BaseCSVField):
    """A list where `a,,b` or `,` is a mistake to report, not a filter on empty slugs."""

    def clean(self, value):
        if value is not None and "" in value:
            raise forms.ValidationError("Separate slugs with single commas; empty items are not allowed.")
        return super().clean(value)


@extend_schema_field({"type": "string", "pattern": SLUG_PATTERN})
class SlugListFilter(django_filters.BaseInFilter, django_filters.CharFilter):
    """Several slugs, as `?topic=a&topic=b` or `?topic=a,b`."""

    base_field_class = NoEmptyItemsCSVField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RepeatedOrCommaSeparatedWidget)
        super().__init__(*args, **kwargs)
        self.extra["validators"] = [RegexValidator(SLUG_PATTERN, SLUG_PROBLEM)]


class LocalizedFilterSet(django_filters.FilterSet):
    """Every list is in one locale; the view applies it (it needs the locale for related items too)."""

    locale = django_filters.ChoiceFilter(
        choices=content_language_choices(),
        method="filter_locale",
        help_text="Language of the results; the default language (pl) when omitted.",
    )

    @extend_schema_field({"type": "string", "enum": [code for code, _name in content_language_choices()]})
    def filter_locale(self, queryset, name, value):
        return queryset


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering by the chosen fields, then by id, so that paging never skips or repeats an item.

    Choices are labelled with the parameter values themselves: the default
    labels are translated once at import, into whatever language is active.
    """

    def build_choices(self, fields, labels):
        return [choice for param in fields.values() for choice in ((param, param), (f"-{param}", f"-{param}"))]

    def filter(self, queryset, value):
        queryset = super().filter(queryset, value)
        if value:
            queryset = queryset.order_by(*queryset.query.order_by, "id")
        return queryset


def same_content_as(page_id):
    """A subquery matching every translation of the public page `page_id`: filters accept an id in any locale.

    The id of a draft, a private page or one under an unpublished page matches
    nothing, exactly like an unknown id, so a filter never confirms that one exists.
    """
    return Subquery(public_pages(Page).filter(pk=page_id).values("translation_key")[:1])
