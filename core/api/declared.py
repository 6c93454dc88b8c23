"""The serializers of a page type's API, built from the `public_api_fields` its model declares (`core.api_fields`).

A plain field's schema type and its value in the answer come from the model
field; rich text is rendered (links resolved, images sized). A computed field is
written by hand on the serializer: its schema field as a class attribute and its
value by `represent_<name>(page, render)`.
"""

from django.db import models
from rest_framework import serializers
from wagtail.fields import RichTextField

from core import content_types
from core.api.serializers import PageMetaSerializer, iso, page_meta
from core.api_fields import public_fields


def schema_field(model_field, help_text):
    """The serializer field that describes a plain model field in the schema."""
    options = {"help_text": help_text} if help_text else {}
    if isinstance(model_field, RichTextField):
        return serializers.CharField(allow_blank=True, **options)
    if model_field.choices:
        return serializers.ChoiceField(choices=model_field.choices, **options)
    if isinstance(model_field, models.BooleanField):
        return serializers.BooleanField(**options)
    if isinstance(model_field, models.DateTimeField):
        return serializers.DateTimeField(allow_null=model_field.null, **options)
    if isinstance(model_field, models.DateField):
        return serializers.DateField(allow_null=model_field.null, **options)
    if isinstance(model_field, models.DecimalField):
        return serializers.FloatField(allow_null=model_field.null, **options)
    if isinstance(model_field, models.URLField):
        return serializers.URLField(allow_blank=model_field.blank, **options)
    if isinstance(model_field, models.EmailField):
        return serializers.EmailField(allow_blank=model_field.blank, **options)
    if isinstance(model_field, models.CharField | models.TextField):
        return serializers.CharField(allow_blank=model_field.blank, **options)
    if isinstance(model_field, models.IntegerField):
        return serializers.IntegerField(allow_null=model_field.null, **options)
    raise TypeError(f"{model_field} has no derived API type: declare it computed=True and write it by hand")


def plain_value(model_field, value, render):
    if isinstance(model_field, RichTextField):
        return render.rich_text(value)
    if isinstance(model_field, models.DateTimeField):
        return iso(value)
    if isinstance(model_field, models.DateField):
        return value.isoformat() if value else None
    if isinstance(model_field, models.DecimalField):
        return float(value) if value is not None else None
    return value


class DeclaredPageSerializer(PageMetaSerializer):
    # A page type's list (`listed_only = True`) or detail serializer, built from its model's `public_api_fields`.
    #
    # A detail serializer subclasses the list one: it keeps the list's fields (in
    # their places, also those it redefines, such as a detail's richer
    # `institutions`) and adds the detail-only fields after them, in the declared
    # order. Serializer docstrings become schema descriptions, so these classes
    # keep the one of the fields every page item carries.
    # (A docstring here would replace it as the schema's description: these classes have none.)

    api_model = None
    listed_only = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.api_model is None:
            return
        scope = public_fields(cls.api_model, listed_only=cls.listed_only)
        inherited = getattr(super(cls, cls), "_api_names", ())
        added = [field.name for field in scope if field.name not in inherited]
        for field in scope:
            if field.name not in added:
                continue  # inherited: kept where it was, redefined or not (as Django REST framework does)
            if field.computed:
                if field.name not in cls._declared_fields or not hasattr(cls, f"represent_{field.name}"):
                    raise TypeError(
                        f"{cls.__name__}: the computed field {field.name!r} needs its schema field "
                        f"and represent_{field.name}()"
                    )
            else:
                cls._declared_fields[field.name] = schema_field(
                    cls.api_model._meta.get_field(field.name), field.help_text
                )
        kept = {name: value for name, value in cls._declared_fields.items() if name not in added}
        cls._declared_fields = {**kept, **{name: cls._declared_fields[name] for name in added}}
        cls._api_names = (*inherited, *added)
        cls._api_scope = scope

    def represent(self, page, render):
        page_type = content_types.for_model(self.api_model)
        # A type with no detail route is answered once per locale (the home page: /api/v2/home/?locale=), and its
        # items' `api_url` is named by its kind; find-page's detail route stays None for it.
        data = page_meta(page, render, page_type.kind, page_type.endpoint or page_type.kind)
        for field in self._api_scope:
            if field.computed:
                data[field.name] = getattr(self, f"represent_{field.name}")(page, render)
            else:
                model_field = self.api_model._meta.get_field(field.name)
                data[field.name] = plain_value(model_field, getattr(page, field.name), render)
        return data
