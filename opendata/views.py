"""The catalogue and its downloads: public GETs of the API, cached per content version with ETag and 304.

Both build on `PublicResourceView`, so throttling, refused query parameters, the
response cache and conditional requests work as for every other API answer. A
download is a file, not JSON, so it is stored as the bytes it is.
"""

from django.http import HttpResponse, JsonResponse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response

from core.api.params.languages import CONTENT_LANGUAGES
from core.api.response_cache import NOT_FRAMED, conditional_response, request_url, store
from core.api.views import ERRORS, PublicResourceView
from opendata.catalog import catalog
from opendata.datasets import COLLECTIONS, Scope
from opendata.formats import FORMATS, formats_of

JSON_LD = "application/ld+json"


class CatalogView(PublicResourceView):
    """The DCAT-AP catalogue of every dataset and download, for data portals to harvest."""

    @extend_schema(
        operation_id="opendata_catalog",
        summary="Open data catalogue (DCAT-AP, JSON-LD)",
        description="A `dcat:Catalog` with a `dcat:Dataset` per collection (practices, events, partners, topics) "
        "and its downloads; licence CC BY 4.0. See docs/open-data.md.",
        responses={(200, JSON_LD): OpenApiTypes.OBJECT, 400: ERRORS[400], 429: ERRORS[429]},
    )
    def get(self, request):
        return super().get(request)

    def render(self):
        modified = {}
        for name, collection in COLLECTIONS.items():
            locale_ids = list(self.tree.home_paths)
            modified[name] = max(
                filter(None, (collection.modified(Scope(self.tree, "", locale_id)) for locale_id in locale_ids)),
                default=None,
            )
        response = Response(catalog(self.request.build_absolute_uri, modified), content_type=JSON_LD)
        response["Content-Language"] = ", ".join([*CONTENT_LANGUAGES, "en"])
        return response


class DownloadView(PublicResourceView):
    """One collection in one language as a CSV, JSON or GeoJSON file: every public item, no paging."""

    @extend_schema(
        operation_id="opendata_download",
        summary="Open data download",
        description="Every public item of a collection in one language. CSV: UTF-8, RFC 4180, a header row; "
        "the columns are listed in docs/open-data.md. GeoJSON only for practices, events and partners.",
        parameters=[
            OpenApiParameter("collection", str, OpenApiParameter.PATH, enum=list(COLLECTIONS)),
            OpenApiParameter("locale", str, OpenApiParameter.PATH, enum=list(CONTENT_LANGUAGES)),
            OpenApiParameter("file_format", str, OpenApiParameter.PATH, enum=list(FORMATS)),
        ],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "application/geo+json"): OpenApiTypes.OBJECT,
            400: ERRORS[400],
            404: OpenApiResponse(ERRORS[404].response, description="Unknown collection, locale or format."),
            429: ERRORS[429],
        },
    )
    def get(self, request, collection, locale, file_format):
        self.choice = (collection, locale, file_format)
        return super().get(request)

    def render(self):
        name, locale, file_format = self.choice
        collection = COLLECTIONS.get(name)
        if collection is None:
            return not_found("collection", f"Unknown collection {name!r}; use one of: {', '.join(COLLECTIONS)}.")
        locale_id = self.tree.locale_ids.get(locale)
        if locale not in CONTENT_LANGUAGES or locale_id not in self.tree.home_paths:
            return not_found("locale", f"Unknown locale {locale!r}; use one of: {', '.join(CONTENT_LANGUAGES)}.")
        if file_format not in formats_of(collection):
            offered = ", ".join(formats_of(collection))
            return not_found("file_format", f"No {file_format!r} download of {name}; use one of: {offered}.")
        writer, content_type, _media_type, _file_type = FORMATS[file_format]
        scope = Scope(self.tree, locale, locale_id)
        with translation.override(locale):
            body = writer(collection, collection.items(scope), scope)
        response = HttpResponse(body, content_type=content_type)
        response["Content-Language"] = locale
        response["Content-Disposition"] = f'attachment; filename="{name}-{locale}.{file_format}"'
        return response

    def cacheable(self, request, response):
        """A file is stored as its bytes with its own headers (the base class renders DRF Responses)."""
        state = (self.version, self.modified)
        kept = ("Content-Type", "Content-Language", "Content-Disposition")
        headers = (*((name, response[name]) for name in kept), *NOT_FRAMED)
        return conditional_response(request, state, store(request_url(request), state, response.content, headers))


def not_found(parameter, message):
    return JsonResponse({"detail": message, "errors": {parameter: [message]}}, status=404)
