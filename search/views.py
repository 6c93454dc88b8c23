"""The search endpoints: full-text search with facets and highlights, and title autocomplete."""

import dataclasses
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from core import content_types
from core.api.cache import asked_before, request_url
from core.api.pagination import PAGING_WORDING, StrictLimitOffsetPagination
from core.api.params import LOCALE, Integer, Parameters, Text, ValueList
from core.api.serializers import iso
from core.api.views import LIST_ERRORS, PublicResourceView
from practices.models import Agglomeration, Topic
from search import query as search_query
from search.models import SearchEntry, SearchEntryTopic
from search.serializers import SearchResultsSerializer, SuggestionsSerializer
from search.text import SEARCHABLE, query_tokens

#: Result types (the `type` facet) -> their page models, as their apps registered them (`core.content_types`).
TYPES = {page_type.kind: page_type.model for page_type in content_types.searchable()}
FACETS = ("type", "topic", "agglomeration")


def query_text(max_length, description):
    """`q`: words with at least one letter or digit to search for."""
    return Text(
        "q",
        required=True,
        max_length=max_length,
        pattern=SEARCHABLE,
        accepts=query_tokens,
        description=description,
        wording={"missing": "Give a search query.", "invalid": "The query has no letters or digits to search for."},
    )


SEARCH_PARAMETERS = Parameters(
    query_text(
        200,
        "Words to search for, in any inflection, with or without diacritics; place names match in either "
        "language (Ołomuniec finds Olomouc). Results contain every word, or, when none does, some of them "
        "(`matched_all_words` is then false). At most 10 words are used.",
    ),
    LOCALE,
    ValueList(
        "type",
        choices=tuple(TYPES),
        description="practice, event or partner; several (`type=a,b` or repeated) match any.",
    ),
    ValueList(
        "topic",
        description="Topic slugs (see /api/v2/topics/); several match practices with any of them. "
        "A slug no topic has matches nothing.",
    ),
    ValueList("agglomeration", choices=tuple(Agglomeration.values), description="One or more agglomerations."),
    StrictLimitOffsetPagination.parameters["limit"],
    dataclasses.replace(StrictLimitOffsetPagination.parameters["offset"], description="Offset."),
)

AUTOCOMPLETE_PARAMETERS = Parameters(
    query_text(
        100, "The start of a title: every word is matched as the start of a title word, without regard to diacritics."
    ),
    LOCALE,
    Integer(
        "limit",
        minimum=1,
        maximum=20,
        default=10,
        description="Number of suggestions, 1–20 (default 10).",
        wording=PAGING_WORDING,
    ),
)


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


@extend_schema(tags=["search"], responses={200: SuggestionsSerializer, **LIST_ERRORS})
class AutocompleteView(SearchBase):
    """Titles of practices, events and partners of one locale that start like the query, for a search box."""

    query_parameters = AUTOCOMPLETE_PARAMETERS

    def render(self):
        tokens = [folded for _word, folded in query_tokens(self.read_parameter("q"))]
        locale_id = self.request_locale()
        limit = self.read_parameter("limit")
        entries = self.visible_entries(locale_id)
        for token in tokens:
            entries = entries.filter(title_prefixes__contains=f" {token}")
        entries = entries.annotate(
            starts=Case(
                When(title_prefixes__startswith=f" {tokens[0]}", then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).order_by("-starts", "title", "page_id")
        render = self.render_context(locale_id)
        rows = entries.values("page_id", "kind", "title", "locale_id", "page__url_path")[:limit]
        return Response(
            {
                "results": [
                    {
                        "id": row["page_id"],
                        "type": row["kind"],
                        "title": row["title"],
                        "path": self.tree.path_for(row["locale_id"], row["page__url_path"]),
                        "api_url": render.api_url(content_types.for_kind(row["kind"]).endpoint, row["page_id"]),
                    }
                    for row in rows
                ]
            }
        )
