"""`/api/v2/search/`: full-text search of one locale, ranked, with facets and highlights."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from core import content_types
from core.api.pagination import StrictLimitOffsetPagination
from core.api.serializers import iso
from core.api.views import LIST_ERRORS
from practices.models import Agglomeration, Topic
from search.serializers import SearchResultsSerializer
from search.views.base import SearchBase
from search.views.parameters import FACETS, SEARCH_PARAMETERS, TYPES


@extend_schema(tags=["search"], responses={200: SearchResultsSerializer, **LIST_ERRORS})
class SearchView(SearchBase):
    """Search practices, events and partners of one locale: ranked title, summary, body; facets; highlights."""

    query_parameters = SEARCH_PARAMETERS

    def render(self):
        text = self.read_parameter("q")
        locale_id = self.request_locale()
        filters = {facet: values for facet in FACETS if (values := self.read_parameter(facet))}
        language = self.language(locale_id)
        # The index keeps every topic a practice links to; a draft topic's slug must match nothing, like an unknown one.
        if "topic" in filters:
            filters["topic"] = Topic.objects.filter(
                locale_id=locale_id, slug__in=filters["topic"], live=True
            ).values_list("slug", flat=True)
        paginator = StrictLimitOffsetPagination()
        found = self.engine.search(
            tree=self.tree,
            locale_id=locale_id,
            language=language,
            text=text,
            filters=filters,
            offset=paginator.get_offset(self.request),
            limit=paginator.get_limit(self.request),
        )
        hits = found.hits(paginator.paginate_queryset(found.rows, self.request, view=self))
        counts = self.kept_for_version("facets", found.facet_counts)
        render = self.render_context(locale_id)
        results = [
            {
                "id": hit["page_id"],
                "type": hit["kind"],
                "locale": language,
                "title": hit["title"],
                "summary": hit["summary"],
                "path": (path := self.tree.path_for(hit["locale_id"], hit["url_path"])),
                "url": f"{settings.FRONTEND_BASE_URL}{path}",
                "api_url": render.api_url(content_types.for_kind(hit["kind"]).endpoint, hit["page_id"]),
                "first_published_at": iso(hit["published_at"]),
                "highlight": hit["highlight"],
            }
            for hit in hits
        ]
        return Response(
            {
                "count": paginator.count,
                "next": paginator.get_next_link(),
                "previous": paginator.get_previous_link(),
                "matched_all_words": found.matched_all,
                "facets": self.facets(counts, locale_id, language),
                "results": results,
            }
        )

    def kept_for_version(self, name, compute):
        """`compute()`, kept under the current content version for this query and its filters.

        Like the paginator's total count: facet counts are the same for every
        page of a listing and change only when content does, and over a broad
        query they cost more than the page of results itself.
        """
        params = sorted(
            (key, value)
            for key, values in self.request.query_params.lists()
            if key not in ("limit", "offset")
            for value in values
        )
        digest = hashlib.sha1(repr((self.request.path, params)).encode(), usedforsecurity=False).hexdigest()
        key = f"a4b:search:{name}:{digest}"
        stored = cache.get(key)
        if stored is not None and stored[0] == self.version:
            return stored[1]
        value = compute()
        if self.worth_keeping(self.request):
            cache.set(key, (self.version, value), timeout=settings.API_CACHE_TIMEOUT or 3600)
        return value

    def facets(self, counts, locale_id, language):
        """Facet values with labels in the requested language, most frequent first."""
        with translation.override(language):
            labels = {
                "type": {kind: str(model._meta.verbose_name) for kind, model in TYPES.items()},
                "agglomeration": {value: str(label) for value, label in Agglomeration.choices},
                "topic": dict(
                    Topic.objects.filter(locale_id=locale_id, slug__in=list(counts["topic"]), live=True).values_list(
                        "slug", "name"
                    )
                ),
            }
        return {
            facet: [
                {"value": value, "label": labels[facet].get(value, value), "count": count}
                for value, count in sorted(values.items(), key=lambda item: (-item[1], item[0]))
                if facet != "topic" or value in labels["topic"]  # a draft topic is not offered
            ]
            for facet, values in counts.items()
        }
