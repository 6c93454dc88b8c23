"""Base views of the public API, and the endpoints that belong to no single content app."""

import functools

from django.conf import settings
from django.db.models import F
from django.http import JsonResponse
from django.utils import translation
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.cache import NOT_FRAMED, conditional_response, content_version, lookup, request_url, store
from core.api.links import load_links
from core.api.pagination import StrictLimitOffsetPagination
from core.api.params import LOCALE, NO_PARAMETERS, DeclaredParametersSchema, Param, locale_id_of
from core.api.relations import load_related
from core.api.renderers import CompactJSONRenderer
from core.api.rendering import RenderContext
from core.api.request_state import request_state
from core.api.serializers import ErrorSerializer, Row
from core.api.sql import ListRows, instance_by_id, translation_rows
from core.api.tree import public_pages, public_tree

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A query parameter is invalid; `errors` names it."),
    404: OpenApiResponse(ErrorSerializer, description="No such public item."),
    429: OpenApiResponse(ErrorSerializer, description="Rate limit exceeded; see the Retry-After header."),
}
LIST_ERRORS = {code: ERRORS[code] for code in (400, 429)}
#: Page ids are 32-bit integers; larger ones cannot exist (and would overflow the query).
MAX_PAGE_ID = 2**31 - 1


class PublicAPIView:
    """Anonymous, read-only, conditionally cached GET views.

    After DRF's throttling, a GET is answered from the cache when the same URL
    was rendered under the current content version; otherwise it is rendered,
    stored with a strong ETag, and returned. Either way `If-None-Match` and
    `If-Modified-Since` are honoured with a 304.
    """

    authentication_classes = []
    renderer_classes = [CompactJSONRenderer]
    schema = DeclaredParametersSchema()
    #: The query parameters the view reads itself (`core.api.params`), checked and documented from this declaration.
    query_parameters = NO_PARAMETERS
    #: Names of parameters read elsewhere (DRF's `format`) or still documented by hand (`LOCALE_PARAMETER`).
    extra_params = ()

    def initial(self, request, *args, **kwargs):
        # The API speaks English to developers whatever the portal's default language.
        translation.activate("en")
        super().initial(request, *args, **kwargs)
        self.stored = None
        if request.method in ("GET", "HEAD"):
            self.accepted_parameters().check_shape(request.query_params)
            found = request_state(request).cache_lookup or lookup(request_url(request))
            (self.version, self.modified), self.stored = found
        else:
            self.version, self.modified = content_version()
        self.tree = public_tree(self.version)

    def accepted_parameters(self):
        """The view's own parameters, and in a list its FilterSet's and its paginator's.

        Typos, repeated single values and empty values are errors, not silently ignored filters.
        """
        action = getattr(self, "action", "list")
        return taken_parameters(
            self.query_parameters,
            self.extra_params,
            getattr(self, "filterset_class", None) if action == "list" else None,
            self.pagination_class if action == "list" and hasattr(self, "action") else None,
        )

    def read_parameter(self, name):
        """The value of one of the view's `query_parameters`, or BadParameters (a 400) naming it."""
        return self.query_parameters.read(self.request.query_params, name)

    def request_locale(self):
        """The `locale` parameter as a Locale id; the default language when it is absent."""
        return locale_id_of(self.request.query_params, self.tree)

    def render_context(self, locale_id):
        return RenderContext(request=self.request, tree=self.tree, locale_id=locale_id, version=self.version)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.has_header("ETag"):
            response = self.cacheable(request, response)
        return response

    def cacheable(self, request, response):
        """Render, remember under the content version (if worth keeping), and answer conditionally."""
        response.render()
        state = (self.version, self.modified)
        headers = (
            ("Content-Type", response["Content-Type"]),
            ("Content-Language", self.content_language(response)),
            *NOT_FRAMED,
        )
        entry = store(request_url(request), state, response.content, headers, keep=self.worth_keeping(request))
        return conditional_response(request, state, entry)

    def content_language(self, response):
        """The language of the content answered, not of the API's messages (English for developers).

        A view that knows it says so in the header; an item names its own
        locale; a list is in the language its `locale` parameter asked for
        (already validated).
        """
        if response.has_header("Content-Language"):
            return response["Content-Language"]
        data = response.data
        if isinstance(data, dict) and isinstance(data.get("locale"), str):
            return data["locale"]
        return self.request.query_params.get("locale") or settings.LANGUAGE_CODE

    def worth_keeping(self, request):
        """Whether to store this answer for the next client; views whose URLs are mostly one-offs say no."""
        return True

    def cached_response(self, request):
        """The stored response for this URL and content version, if any."""
        return (
            None if self.stored is None else conditional_response(request, (self.version, self.modified), self.stored)
        )

    def handle_get(self, request, render):
        return self.cached_response(request) or render()


class PublicResourceView(PublicAPIView, APIView):
    """A single public GET resource; subclasses implement `render()` returning a Response."""

    def get(self, request):
        return self.handle_get(request, self.render)

    def render(self):
        raise NotImplementedError


# Ids are integers in items and in the route's regex; without this the schema says "string of digits",
# and typed clients could not pass an item's `id` to its detail path.
@extend_schema_view(
    retrieve=extend_schema(
        parameters=[OpenApiParameter("id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH)]
    )
)
class PublicPageViewSet(PublicAPIView, viewsets.ReadOnlyModelViewSet):
    """List and detail of one page type: only live, public pages, in the requested locale.

    Subclasses name the `model`, the `endpoint` (route name), the list and
    detail serializers, and how to load related data in bulk (`prepare`).
    """

    model = None
    endpoint = None
    #: Set by the preview endpoint: the item is a draft, whose inline lists are read from it, not the database.
    preview = False
    #: What the items link to through their inline lists (`core.api.links`), loaded by `prepare()`.
    links = ()
    #: Columns (and annotations) of list rows: lists read `.values()`, not model instances.
    list_fields = (
        "id",
        "title",
        "slug",
        "translation_key",
        "locale_id",
        "url_path",
        "first_published_at",
        "last_published_at",
    )
    list_annotations = {}
    list_serializer_class = None
    detail_serializer_class = None
    pagination_class = StrictLimitOffsetPagination
    filter_backends = [DjangoFilterBackend]
    lookup_value_regex = r"[0-9]+"

    def get_serializer_class(self):
        return self.list_serializer_class if self.action == "list" else self.detail_serializer_class

    def get_queryset(self):
        """What DRF's generic machinery and the schema see; lists and details read through render_list/detail()."""
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.optimise(public_pages(self.model, self.tree))

    def listed_pages(self, tree, locale_id):
        """The public pages of one locale, in the list's default order."""
        return self.optimise(public_pages(self.model, tree).filter(locale_id=locale_id))

    def list_rows(self, tree, locale_id):
        """The `.values()` rows of a list, before filters."""
        return self.list_values(self.listed_pages(tree, locale_id))

    def list_values(self, queryset):
        """List items are read as `.values()` rows, not model instances."""
        return queryset.values(*self.list_fields, **self.list_annotations)

    def optimise(self, queryset):
        """The list's default ordering; override per type."""
        return queryset

    def prepare(self, items, render):
        """Load what the items' serializers need, in bulk; a type adds its own (images, rich text) after this.

        Translations, the declared `links` (from a draft itself in a preview),
        and in a detail the items other apps relate to it (`core.api.relations`).
        """
        render.translations = translations_of(items, self.tree)
        detail = self.action == "retrieve"
        load_links(self.links, self.model, items, render, self.tree, drafts=self.preview, detail=detail)
        if detail:
            (page,) = items
            load_related(self.model, page, render, self.tree)

    def list(self, request, *args, **kwargs):
        return self.handle_get(request, lambda: self.render_list(request))

    def retrieve(self, request, *args, **kwargs):
        return self.handle_get(request, lambda: self.render_detail(request))

    def filtered(self):
        """Whether a filter (or an ordering) is given: `locale` is applied by listed_pages()."""
        filters = set(self.filterset_class.base_filters) - {"locale"}
        return not filters.isdisjoint(self.request.query_params)

    def render_list(self, request):
        """One page of the list: filtered through django-filter, or else by the list statement compiled once."""
        locale_id = self.request_locale()
        if self.filtered():
            rows = self.list_values(self.filter_queryset(self.listed_pages(self.tree, locale_id)))
        else:
            rows = ListRows(type(self), self.list_rows, self.tree, locale_id)
        rows = self.paginate_queryset(rows)
        items = [Row(**row) for row in rows]
        render = self.render_context(locale_id)
        self.prepare(items, render)
        render.resolve()
        serializer = self.get_serializer(items, many=True, context={"render": render, "request": request})
        return self.get_paginated_response(serializer.data)

    def render_detail(self, request):
        pk = int(self.kwargs["pk"])
        item = instance_by_id(self.model, pk, self.list_annotations) if pk <= MAX_PAGE_ID else None
        if item is None or not self.tree.shows(item):
            raise NotFound(f"No public {self.model._meta.verbose_name} with id {pk}.")
        return Response(self.represent_detail(item, request))

    def represent_draft(self, draft, request):
        """The detail JSON of a draft (the preview endpoint): list annotations evaluated on the instance."""
        self.preview = True
        for name, expression in self.list_annotations.items():
            setattr(draft, name, _follow(draft, expression))
        return self.represent_detail(draft, request)

    def represent_detail(self, item, request):
        """The detail JSON of a page instance: a live page here, a draft in the preview endpoint."""
        render = self.render_context(item.locale_id)
        self.prepare([item], render)
        render.resolve()
        return self.get_serializer_class()(item, context={"render": render, "request": request}).data


@functools.cache
def taken_parameters(declared, names, filterset_class, pagination_class):
    """The parameters one kind of request to a view takes, put together once per process, not per request."""
    accepted = declared.plus(*(Param(name) for name in names), filterset=filterset_class)
    return accepted if pagination_class is None else accepted.plus(*pagination_class.parameters)


def _follow(instance, expression):
    """Evaluate an F("a__b") list annotation on an instance, as the database would for a saved row."""
    if not isinstance(expression, F):
        raise TypeError(f"Preview cannot evaluate the annotation {expression!r}.")
    value = instance
    for part in expression.name.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def translations_of(pages, tree):
    """translation_key -> visible pages sharing it (id, locale_id, url_path), in one query."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    grouped = {}
    for row in translation_rows(keys, tree):
        if row["locale_id"] in tree.home_paths:
            grouped.setdefault(row["translation_key"], []).append(row)
    return grouped


# Endpoints of their own


def api_not_found(request, *args, **kwargs):
    """JSON 404 for any /api/ URL that matches no endpoint (e.g. a non-numeric id)."""
    return JsonResponse({"detail": "Not found."}, status=404)


#: For views that list their parameters by hand; `LOCALE` in a view's `query_parameters` says the same.
LOCALE_PARAMETER = LOCALE.openapi()
