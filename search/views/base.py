"""What both search endpoints share: the query, the locale, the engine that searches."""

from core.api.response_cache import asked_before, request_url
from core.api.views import PublicResourceView
from search import engines


class SearchBase(PublicResourceView):
    """A search endpoint: its `query_parameters` declare the query `q` and the `locale`."""

    @property
    def engine(self):
        return engines.current()

    def language(self, locale_id):
        return self.tree.locale_codes[locale_id]

    def worth_keeping(self, request):
        """Stored: a query's first page, from its second request on.

        One-off queries and deep pages would fill the cache for nobody. Decided
        once per request: the answer, its count and its facets all ask.
        """
        if not hasattr(self, "keep"):
            first_page = request.query_params.get("offset", "0") == "0"
            self.keep = first_page and asked_before.asked_again(request_url(request))
        return self.keep
