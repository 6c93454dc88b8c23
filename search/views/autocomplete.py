"""`/api/v2/search/autocomplete/`: titles that start like what a visitor is typing."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from core import content_types
from core.api.views import LIST_ERRORS
from search.serializers import SuggestionsSerializer
from search.text import query_tokens
from search.views.base import SearchBase
from search.views.parameters import AUTOCOMPLETE_PARAMETERS


@extend_schema(tags=["search"], responses={200: SuggestionsSerializer, **LIST_ERRORS})
class AutocompleteView(SearchBase):
    """Titles of practices, events and partners of one locale that start like the query, for a search box."""

    query_parameters = AUTOCOMPLETE_PARAMETERS

    def render(self):
        tokens = [folded for _word, folded in query_tokens(self.read_parameter("q"))]
        locale_id = self.request_locale()
        limit = self.read_parameter("limit")
        render = self.render_context(locale_id)
        rows = self.engine.suggest(tree=self.tree, locale_id=locale_id, tokens=tokens, limit=limit)
        return Response(
            {
                "results": [
                    {
                        "id": row["page_id"],
                        "type": row["kind"],
                        "title": row["title"],
                        "path": self.tree.path_for(row["locale_id"], row["url_path"]),
                        "api_url": render.api_url(content_types.for_kind(row["kind"]).endpoint, row["page_id"]),
                    }
                    for row in rows
                ]
            }
        )
