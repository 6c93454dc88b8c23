"""Shared pieces of the public API's responses.

The serializers declare every field, so drf-spectacular documents exactly what
the API returns; page serializers render through `represent()`, plain functions
over data the view loaded in bulk, because DRF's per-field machinery costs more
than the queries themselves on a list of 100 pages. Each app's view tests
(`tests/<app>/test_views.py`, with `tests/api.py`'s `declared_fields`) hold its
rendering to its declared fields, schemathesis checks responses against the
schema, and `make contract` holds every answer for the demo content still.
"""

import functools
import zoneinfo
from types import SimpleNamespace

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from core.api.translation_status import TranslationStatusSerializer, translation_status


@functools.cache
def _site_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def iso(value):
    """ISO 8601 in the site's time zone (Europe/Warsaw), as the editors entered it.

    Converts with the zone directly: `timezone.localtime()` looks up the active
    zone through a context-local on every call, which is most of its cost on a
    list of 100 items with four timestamps each.
    """
    return value.astimezone(_site_zone()).isoformat() if value else None


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionsSerializer(serializers.Serializer):
    thumbnail = RenditionSerializer(help_text="Cropped to 400×300.")
    medium = RenditionSerializer(help_text="Fits in 800×800.")
    large = RenditionSerializer(help_text="Fits in 1600×1600.")


class ImageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField(
        allow_blank=True,
        help_text=(
            "Alternative text in the item's language: the page's own text for this image (a practice's main image, "
            "an image block's alt_text), else the image's description in the library; a partner's logo has the "
            "partner's name. Empty only for an image uploaded before descriptions were required and used without one."
        ),
    )
    width = serializers.IntegerField(help_text="Width of the original.")
    height = serializers.IntegerField(help_text="Height of the original.")
    renditions = RenditionsSerializer()


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    filename = serializers.CharField()


class TranslationLinkSerializer(serializers.Serializer):
    locale = serializers.CharField(help_text="Language code, e.g. cs.")
    id = serializers.IntegerField()
    path = serializers.CharField(help_text="Frontend path of the translation.")
    api_url = serializers.URLField()


class PageLinkSerializer(serializers.Serializer):
    """A related page as a summary, in the same locale as the item that links to it."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    path = serializers.CharField()
    url = serializers.URLField()
    api_url = serializers.URLField()


class PageMetaSerializer(serializers.Serializer):
    """The fields every page item carries."""

    id = serializers.IntegerField()
    type = serializers.CharField(help_text="Content type: practice, event, partner, home or page.")
    locale = serializers.CharField(help_text="Language code of this item.")
    title = serializers.CharField()
    slug = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path, prefixed with the language code for non-default locales.")
    url = serializers.URLField(help_text="Absolute frontend URL (FRONTEND_BASE_URL + path).")
    api_url = serializers.URLField(help_text="This item's detail endpoint.")
    translations = TranslationLinkSerializer(many=True, help_text="Live translations in the other locales.")
    translation = TranslationStatusSerializer(
        help_text="Whether this is an original or a complete, current translation."
    )
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)

    def to_representation(self, instance):
        return self.represent(instance, self.context["render"])

    def represent(self, page, render):
        raise NotImplementedError


def page_meta(page, render, kind, endpoint):
    """The common fields of `page`; `endpoint` names its API route (e.g. "practices")."""
    path = render.tree.path_for(page.locale_id, page.url_path)
    return {
        "id": page.pk,
        "type": kind,
        "locale": render.tree.locale_codes[page.locale_id],
        "title": page.title,
        "slug": page.slug,
        "path": path,
        "url": f"{settings.FRONTEND_BASE_URL}{path}",
        "api_url": api_url(render, endpoint, page.pk, page.locale_id),
        "translations": [
            {
                "locale": render.tree.locale_codes[row["locale_id"]],
                "id": row["id"],
                "path": render.tree.path_for(row["locale_id"], row["url_path"]),
                "api_url": api_url(render, endpoint, row["id"], row["locale_id"]),
            }
            for row in render.translations.get(page.translation_key, ())
            if row["id"] != page.pk
        ],
        "translation": translation_status(page, render),
        "first_published_at": iso(page.first_published_at),
        "last_published_at": iso(page.last_published_at),
    }


def page_link(page, render, endpoint):
    path = render.tree.path_for(page.locale_id, page.url_path)
    return {
        "id": page.pk,
        "title": page.title,
        "path": path,
        "url": f"{settings.FRONTEND_BASE_URL}{path}",
        "api_url": api_url(render, endpoint, page.pk),
    }


class Row(SimpleNamespace):
    """A `.values()` row with attribute access, so list items skip model instantiation."""

    @property
    def pk(self):
        return self.id


def api_url(render, endpoint, pk, locale_id=None):
    """The item's endpoint; the home page has one per locale rather than per id."""
    if endpoint == "home":
        return render.absolute(f"{reverse('api:home')}?locale={render.tree.locale_codes[locale_id]}")
    return render.api_url(endpoint, pk)


# StreamField blocks, documented as a union discriminated by "type".


class _BlockSerializer(serializers.Serializer):
    id = serializers.CharField(allow_null=True)


class ParagraphBlockSerializer(_BlockSerializer):
    type = serializers.ChoiceField(choices=["paragraph"])
    value = serializers.CharField(help_text="Clean HTML.")


class HeadingBlockSerializer(_BlockSerializer):
    type = serializers.ChoiceField(choices=["heading"])
    value = serializers.CharField()


class ImageBlockValueSerializer(serializers.Serializer):
    image = ImageSerializer(allow_null=True)
    caption = serializers.CharField(allow_blank=True, allow_null=True)
    alt_text = serializers.CharField(
        allow_blank=True, allow_null=True, help_text="The block's own alternative text; `image.alt` already uses it."
    )


class ImageBlockSerializer(_BlockSerializer):
    type = serializers.ChoiceField(choices=["image"])
    value = ImageBlockValueSerializer()


class QuoteBlockValueSerializer(serializers.Serializer):
    text = serializers.CharField()
    attribution = serializers.CharField(allow_blank=True, allow_null=True)


class QuoteBlockSerializer(_BlockSerializer):
    type = serializers.ChoiceField(choices=["quote"])
    value = QuoteBlockValueSerializer()


class EmbedValueSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="The embedded media's URL; the frontend chooses how to embed it.")


class EmbedBlockSerializer(_BlockSerializer):
    type = serializers.ChoiceField(choices=["embed"])
    value = EmbedValueSerializer()


class DocumentBlockValueSerializer(serializers.Serializer):
    document = DocumentSerializer(allow_null=True)
    title = serializers.CharField(allow_blank=True, allow_null=True)


class DocumentBlockSerializer(_BlockSerializer):
    type = serializers.ChoiceField(choices=["document"])
    value = DocumentBlockValueSerializer()


class KeyFigureSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class KeyFiguresBlockSerializer(_BlockSerializer):
    type = serializers.ChoiceField(choices=["key_figures"])
    value = KeyFigureSerializer(many=True)


class LinkBlockValueSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()


class LinkBlockSerializer(_BlockSerializer):
    type = serializers.ChoiceField(choices=["link"])
    value = LinkBlockValueSerializer()


BODY_BLOCKS = PolymorphicProxySerializer(
    component_name="BodyBlock",
    serializers={
        "paragraph": ParagraphBlockSerializer,
        "heading": HeadingBlockSerializer,
        "image": ImageBlockSerializer,
        "quote": QuoteBlockSerializer,
        "embed": EmbedBlockSerializer,
        "document": DocumentBlockSerializer,
        "key_figures": KeyFiguresBlockSerializer,
    },
    resource_type_field_name="type",
    many=True,
)


class ErrorSerializer(serializers.Serializer):
    """Every 4xx answer: a message, and for bad parameters the parameter names with their problems."""

    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Parameter name -> list of problems (400 only).",
    )
