"""Where search runs: our own database index, or an OpenSearch/Elasticsearch cluster.

The endpoints (`search/views/`) reach an engine only through the two protocols
below, so what stays the endpoints' own is the same on either engine: the
parameters and their 400s, the published-topic rule, paging and its links, the
facet labels, the frontend paths, the response cache and the answer shapes.
An engine decides matching, ranking, facet counts and highlights, and must
show only what `core.api.tree.PublicTree` shows.

`settings.SEARCH_ENGINE` (cms/settings/search.py) names the engine:
`{"BACKEND": "database"}` (the default) or `{"BACKEND": "opensearch", ...}`.
"""

import functools
import json
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string
from rest_framework.exceptions import APIException

BACKENDS = {
    "database": "search.engines.database.DatabaseEngine",
    "opensearch": "search.engines.opensearch.OpenSearchEngine",
}


class SearchUnavailable(APIException):
    """The engine cannot answer now (a cluster that is down, or whose index is not built yet): a 503, not a 500.

    A search is a read that can simply be asked again; the rest of the API
    does not depend on it, so only the search endpoints answer this way.
    """

    status_code = 503
    default_detail = "Search is unavailable at the moment; please try again shortly."
    default_code = "search_unavailable"


class Found(Protocol):
    """One query's results in one locale, before paging.

    `rows` is what `StrictLimitOffsetPagination` pages through: it has
    `count()` and is sliced once, `[offset:offset + limit]`. `hits(page)` turns
    the sliced rows into dicts with `page_id`, `kind`, `locale_id`, `title`,
    `summary`, `published_at`, `url_path` and `highlight` (`title`, `snippet`:
    HTML-escaped text, matches in `<mark>`). `facet_counts()` is
    `{"type" | "topic" | "agglomeration": {value: count}}`, each facet counted
    with the other facets' filters applied.
    """

    matched_all: bool
    rows: object

    def hits(self, page): ...

    def facet_counts(self): ...


class Engine(Protocol):
    def search(self, *, tree, locale_id, language, text, filters, offset, limit) -> Found:
        """`text` searched in `locale_id`'s visible pages; `filters`: {facet: values} of the facets asked for.

        A facet present in `filters` restricts the results even when its list
        is empty (a topic filter whose slugs no published topic has matches
        nothing). `offset` and `limit` are the page the paginator will slice.
        """

    def suggest(self, *, tree, locale_id, tokens, limit) -> list[dict]:
        """Up to `limit` visible pages whose title words start with every folded token, as dicts
        with `page_id`, `kind`, `title`, `locale_id` and `url_path`; titles starting with the first token first."""

    def index_page(self, page_id) -> None:
        """Index page `page_id` as it is live now, or drop it (unpublished, deleted, not searchable)."""

    def remove_page(self, page_id) -> None:
        """Drop page `page_id` at once: it was unpublished, or is about to be deleted."""

    def rebuild(self, log=None) -> int:
        """Index every live page of the searchable types afresh; returns how many."""


def current() -> Engine:
    """The engine `settings.SEARCH_ENGINE` names, made once per process (and per settings, for tests)."""
    return _engine(json.dumps(settings.SEARCH_ENGINE, sort_keys=True))


@functools.cache
def _engine(configuration):
    options = json.loads(configuration)
    return import_string(BACKENDS[options["BACKEND"]])(**options.get("OPTIONS", {}))
