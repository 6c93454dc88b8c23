"""The oEmbed provider (https://oembed.com): a `rich` iframe for any practice, event or partner frontend URL."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from wagtail.models import Page

from core import content_types
from core.api.params import Choice, Integer, Parameters, Text
from core.api.serializers import ErrorSerializer
from core.api.tree import public_pages
from core.api.views import ERRORS, PublicResourceView
from embeds.views import iframe_html, widget_url

MAX_SIZE = 10_000
MAX_URL_LENGTH = 2000
#: oEmbed's parameters were once read by a DRF serializer, and consumers have its words: kept, with its reading.
DRF_WORDING = {
    "missing": "This field is required.",
    "blank": "This field may not be blank.",
    "too_long": "Ensure this field has no more than {max_length} characters.",
    "null": "Null characters are not allowed.",
    "not_a_number": "A valid integer is required.",
    "too_small": "Ensure this value is greater than or equal to {minimum}.",
    "too_large": "Ensure this value is less than or equal to {maximum}.",
}


class FormatNotImplemented(APIException):
    status_code = status.HTTP_501_NOT_IMPLEMENTED
    default_detail = "Only format=json is supported."


class JSONOnly(BaseContentNegotiation):
    """`format` is oEmbed's own parameter here, not DRF's renderer override: always answer JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class Size(Integer):
    """A maximum width or height, read as DRF's IntegerField read it: `600.0` is 600, and 1000 digits at most."""

    WORDING = {**Integer.WORDING, "too_many_digits": "String value too large."}

    def number(self, raw):
        if len(raw) > 1000:
            raise self.refusal("too_many_digits")
        return int(re.sub(r"\.0*\s*$", "", raw))


OEMBED_PARAMETERS = Parameters(
    Text(
        "url",
        required=True,
        max_length=MAX_URL_LENGTH,
        strip=True,
        refuse_null=True,
        description="A frontend URL of a practice, event or partner, in either language "
        "(FRONTEND_BASE_URL + the item's `path`).",
        wording=DRF_WORDING,
    ),
    Choice(
        "format",
        choices=("json",),
        default="json",
        strict=False,
        strip=True,
        refuse_null=True,
        description="json, the default. The oEmbed spec's other format, xml, is not implemented: 501.",
        wording={**DRF_WORDING, "invalid": "Use json."},
    ),
    Size("maxwidth", minimum=1, maximum=MAX_SIZE, wording=DRF_WORDING),
    Size("maxheight", minimum=1, maximum=MAX_SIZE, wording=DRF_WORDING),
    others="ignored",
    empty_values="read",
)


class OEmbedSerializer(serializers.Serializer):
    version = serializers.ChoiceField(choices=["1.0"])
    type = serializers.ChoiceField(choices=["rich"])
    title = serializers.CharField()
    provider_name = serializers.CharField()
    provider_url = serializers.URLField()
    html = serializers.CharField(help_text="An iframe showing the item's widget.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    cache_age = serializers.IntegerField(help_text="Seconds a consumer may keep this answer.")


@extend_schema(
    tags=["embedding"],
    responses={
        200: OEmbedSerializer,
        400: ERRORS[400],
        404: OpenApiResponse(ErrorSerializer, description="The URL is not a public practice, event or partner."),
        429: ERRORS[429],
        501: OpenApiResponse(ErrorSerializer, description="The requested format is not implemented (xml)."),
    },
)
class OEmbedView(PublicResourceView):
    """oEmbed for practice, event and partner pages: type `rich`, an iframe of the item's widget.

    Other parameters are ignored rather than refused, as oEmbed consumers add their own.
    """

    query_parameters = OEMBED_PARAMETERS
    content_negotiation_class = JSONOnly

    def render(self):
        params = self.query_parameters.read_all(self.request.query_params)
        if params["format"] == "xml":
            raise FormatNotImplemented()
        if params["format"] != "json":
            raise self.query_parameters["format"].refusal("invalid")
        page, kind, width, height = self.find(params["url"])
        width = min(width, params["maxwidth"] or width)
        height = min(height, params["maxheight"] or height)
        code = self.tree.locale_codes[page.locale_id]
        src = widget_url(self.request, kind, code, page.pk)
        html = iframe_html(src, page.title, width, height)
        return Response(
            {
                "version": "1.0",
                "type": "rich",
                "title": page.title,
                "provider_name": settings.WAGTAIL_SITE_NAME,
                "provider_url": settings.FRONTEND_BASE_URL + "/",
                "html": html,
                "width": width,
                "height": height,
                "cache_age": settings.API_CACHE_MAX_AGE,
            },
            headers={"Content-Language": code},
        )

    def find(self, url):
        """(page, widget kind, width, height) for a frontend URL; 404 when it is none of ours."""
        base = urlsplit(settings.FRONTEND_BASE_URL)
        try:
            parts = urlsplit(url)
        except ValueError:
            raise NotFound("Not a URL.") from None
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path or "/"):
            raise NotFound("Not a URL of this portal's frontend.")
        code, rest = self.tree.split_locale(parts.path[len(base.path) :] or "/")
        locale_id = self.tree.locale_ids[code]
        home_path = self.tree.home_paths.get(locale_id)
        if home_path is not None:
            url_path = home_path + rest.lstrip("/")
            page = public_pages(Page, self.tree).filter(locale_id=locale_id, url_path=url_path).first()
            page_type = content_types.for_model(page.specific_class) if page is not None else None
            if page_type is not None and page_type.embed_size:
                return (page, page_type.kind, *page_type.embed_size)
        raise NotFound("No public practice, event or partner at that URL.")
