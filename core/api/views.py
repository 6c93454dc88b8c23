"""Base views of the public API: anonymous, read-only, cached GETs; their errors; the API's 404.

A page type's list and detail build on these in `core.api.viewsets`.
"""

import functools

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from drf_spectacular.utils import OpenApiResponse
from rest_framework.views import APIView

from core.api.cache import content_version
from core.api.params import LOCALE, NO_PARAMETERS, DeclaredParametersSchema, Param, locale_id_of
from core.api.renderers import CompactJSONRenderer
from core.api.rendering import RenderContext
from core.api.request_state import request_state
from core.api.response_cache import NOT_FRAMED, conditional_response, lookup, request_url, store
from core.api.serializers import ErrorSerializer
from core.api.tree import public_tree

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


@functools.cache
def taken_parameters(declared, names, filterset_class, pagination_class):
    """The parameters one kind of request to a view takes, put together once per process, not per request."""
    accepted = declared.plus(*(Param(name) for name in names), filterset=filterset_class)
    return accepted if pagination_class is None else accepted.plus(*pagination_class.parameters)


# Any other URL under /api/


def api_not_found(request, *args, **kwargs):
    """JSON 404 for any /api/ URL that matches no endpoint (e.g. a non-numeric id)."""
    return JsonResponse({"detail": "Not found."}, status=404)


#: For views that list their parameters by hand; `LOCALE` in a view's `query_parameters` says the same.
LOCALE_PARAMETER = LOCALE.openapi()
