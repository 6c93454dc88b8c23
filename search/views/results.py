"""`/api/v2/search/`: full-text search of one locale, ranked, with facets and highlights."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from core import content_types
from core.api.pagination import StrictLimitOffsetPagination
from core.api.serializers import iso
from core.api.views import LIST_ERRORS
from practices.models import Agglomeration, Topic
from search import query as search_query
from search.models import SearchEntryTopic
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
        filters = {facet: self.read_parameter(facet) for facet in FACETS}
        language = self.language(locale_id)
        parsed = search_query.parse(text, language)
        found, matched_all = search_query.search(self.visible_entries(locale_id), parsed)
        # The index keeps every topic a practice links to; a draft topic's slug must match nothing, like an unknown one.
        published_topics = Topic.objects.filter(locale_id=locale_id, slug__in=filters["topic"], live=True).values(
            "slug"
        )
        conditions = {
            "type": Q(kind__in=filters["type"]),
            "agglomeration": Q(agglomeration__in=filters["agglomeration"]),
            "topic": Q(pk__in=SearchEntryTopic.objects.filter(slug__in=published_topics).values("entry_id")),
        }

        def filtered(*except_facet):
            queryset = found
            for name, condition in conditions.items():
                if filters[name] and name not in except_facet:
                    queryset = queryset.filter(condition)
            return queryset

        paginator = StrictLimitOffsetPagination()
        rows = paginator.paginate_queryset(
            search_query.ranked(filtered(), parsed).values(
                "page_id", "kind", "locale_id", "title", "summary", "body", "published_at", "page__url_path"
            ),
            self.request,
            view=self,
        )
        counts = self.kept_for_version(
            "facets",
            lambda: {
                "type": search_query.facet_counts(filtered("type"), "kind"),
                "agglomeration": search_query.facet_counts(filtered("agglomeration"), "agglomeration"),
                "topic": search_query.topic_counts(filtered("topic")),
            },
        )
        render = self.render_context(locale_id)
        terms = parsed.terms
        results = [
            {
                "id": row["page_id"],
                "type": row["kind"],
                "locale": language,
                "title": row["title"],
                "summary": row["summary"],
                "path": (path := self.tree.path_for(row["locale_id"], row["page__url_path"])),
                "url": f"{settings.FRONTEND_BASE_URL}{path}",
                "api_url": render.api_url(content_types.for_kind(row["kind"]).endpoint, row["page_id"]),
                "first_published_at": iso(row["published_at"]),
                "highlight": {
                    "title": search_query.highlight(row["title"], terms, language),
                    "snippet": search_query.snippet(row["summary"], row["body"], terms, language),
                },
            }
            for row in rows
        ]
        return Response(
            {
                "count": paginator.count,
                "next": paginator.get_next_link(),
                "previous": paginator.get_previous_link(),
                "matched_all_words": matched_all,
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
