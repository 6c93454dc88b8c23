"""What both search endpoints share: the query, the locale, the visible entries of that locale."""

from core.api.cache import asked_before, request_url
from core.api.views import PublicResourceView
from search.models import SearchEntry


class SearchBase(PublicResourceView):
    """A search endpoint: its `query_parameters` declare the query `q` and the `locale`."""

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

    def visible_entries(self, locale_id):
        """Entries of live, public pages under the home of `locale_id` (PublicTree decides what is public)."""
        home_path = self.tree.home_paths.get(locale_id)
        if home_path is None:
            return SearchEntry.objects.none()
        return SearchEntry.objects.filter(
            self.tree.visible_q(prefix="page__"), locale_id=locale_id, page__url_path__startswith=home_path
        )
