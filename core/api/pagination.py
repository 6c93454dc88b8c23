import hashlib
import threading

from cachetools import LRUCache
from django.conf import settings
from django.core.cache import cache
from rest_framework.pagination import LimitOffsetPagination

from core.api.cache import PerVersion
from core.api.params import Integer, Parameters

#: Counts this process knew lately, per content version: a list's count is asked on every page of it,
#: and reading it from the shared cache was a round trip per request. Bounded, as filters are the client's.
_recent_counts = PerVersion(lambda: LRUCache(maxsize=4096))
_recent_counts_lock = threading.Lock()
#: The words the API's paging has always used for a bad limit or offset.
PAGING_WORDING = dict.fromkeys(
    ("not_a_number", "too_small", "too_large"), "Must be an integer between {minimum} and {maximum}."
)


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """`limit`/`offset` paging that refuses bad values with a 400 instead of silently replacing them.

    The total `count` of a filtered list is kept for the current content
    version: every page of the same listing needs it, it only changes when
    content does, and counting is the costliest query of a list. Each process
    keeps the counts it used lately; the shared cache spares the other
    processes the count query.
    """

    default_limit = 20
    max_limit = 100
    parameters = Parameters(
        Integer(
            "limit",
            minimum=1,
            maximum=max_limit,
            default=default_limit,
            description=f"Number of results per page, 1–{max_limit} (default {default_limit}).",
            wording=PAGING_WORDING,
        ),
        Integer(
            "offset",
            minimum=0,
            maximum=10_000_000,
            default=0,
            description="The initial index from which to return the results.",
            wording=PAGING_WORDING,
        ),
    )

    def paginate_queryset(self, queryset, request, view=None):
        self.view = view
        return super().paginate_queryset(queryset, request, view)

    def get_count(self, queryset):
        version = getattr(self.view, "version", None)
        if version is None:
            return super().get_count(queryset)
        filters = sorted(
            (name, value)
            for name, values in self.request.query_params.lists()
            if name not in (self.limit_query_param, self.offset_query_param, "ordering")
            for value in values
        )
        digest = hashlib.sha1(repr((self.request.path, filters)).encode(), usedforsecurity=False).hexdigest()
        key = f"a4b:api:count:{digest}"
        recent = _recent_counts.get(version)
        with _recent_counts_lock:
            count = recent.get(key)
        if count is not None:
            return count
        stored = cache.get(key)
        if stored is not None and stored[0] == version:
            count = stored[1]
        else:
            count = super().get_count(queryset)
            # It expires like the responses it serves: filters are the client's, so keys are unbounded.
            # A page the view does not keep (a search's deep page) reads the count but does not store it.
            if getattr(self.view, "worth_keeping", lambda request: True)(self.request):
                cache.set(key, (version, count), timeout=settings.API_CACHE_TIMEOUT or 3600)
        with _recent_counts_lock:
            recent[key] = count
        return count

    def get_limit(self, request):
        return self.parameters.read(request.query_params, self.limit_query_param)

    def get_offset(self, request):
        return self.parameters.read(request.query_params, self.offset_query_param)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": parameter.name,
                "required": False,
                "in": "query",
                "description": parameter.description,
                "schema": parameter.schema(),
            }
            for parameter in self.parameters
        ]
