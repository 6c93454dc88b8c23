"""The search endpoints: full-text search with facets and highlights, and title autocomplete."""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core import content_types
from core.api.cache import asked_before, request_url
from core.api.pagination import StrictLimitOffsetPagination
from core.api.serializers import iso
from core.api.views import LIST_ERRORS, LOCALE_PARAMETER, PublicResourceView
from practices.models import Agglomeration, Topic
from search import query as search_query
from search.models import SearchEntry, SearchEntryTopic
from search.serializers import SearchResultsSerializer, SuggestionsSerializer
from search.text import SEARCHABLE, query_tokens

MAX_QUERY_LENGTH = 200
#: Result types (the `type` facet) -> their page models, as their apps registered them (`core.content_types`).
TYPES = {page_type.kind: page_type.model for page_type in content_types.searchable()}
FACETS = {"type": list(TYPES), "agglomeration": list(Agglomeration.values)}


def _list_pattern(item):
    return f"^{item}(,{item})*$"


#: Bounds of list parameters (each value may list several, comma-separated); they also keep URLs short.
MAX_LIST_VALUES = 5
MAX_LIST_VALUE_LENGTH = 100


def _list_parameter(name, item_pattern, description):
    return OpenApiParameter(
        name,
        {
            "type": "array",
            "items": {"type": "string", "pattern": _list_pattern(item_pattern), "maxLength": MAX_LIST_VALUE_LENGTH},
            "maxItems": MAX_LIST_VALUES,
        },
        explode=True,
        description=description,
    )


def query_parameter(max_length, description):
    return OpenApiParameter(
        "q",
        {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": SEARCHABLE},
        required=True,
        description=description,
    )


def _choice_pattern(values):
    return "(" + "|".join(re.escape(value) for value in values) + ")"


class SearchBase(PublicResourceView):
    """What both endpoints share: the query, the locale, the visible entries of that locale."""

    max_query_length = MAX_QUERY_LENGTH

    def query_text(self):
        text = self.request.query_params.get("q")
        if text is None:
            raise ValidationError({"q": ["Give a search query."]})
        if len(text) > self.max_query_length:
            raise ValidationError({"q": [f"Use at most {self.max_query_length} characters."]})
        if not re.search(SEARCHABLE, text) or not query_tokens(text):
            raise ValidationError({"q": ["The query has no letters or digits to search for."]})
        return text

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


@extend_schema(
    tags=["search"],
    parameters=[
        query_parameter(
            MAX_QUERY_LENGTH,
            "Words to search for, in any inflection, with or without diacritics; place names match in either "
            "language (Ołomuniec finds Olomouc). Results contain every word, or, when none does, some of them "
            "(`matched_all_words` is then false). At most 10 words are used.",
        ),
        LOCALE_PARAMETER,
        _list_parameter(
            "type", _choice_pattern(TYPES), "practice, event or partner; several (`type=a,b` or repeated) match any."
        ),
        _list_parameter(
            "topic",
            "[-a-zA-Z0-9_]+",
            "Topic slugs (see /api/v2/topics/); several match practices with any of them. "
            "A slug no topic has matches nothing.",
        ),
        _list_parameter("agglomeration", _choice_pattern(Agglomeration.values), "One or more agglomerations."),
        OpenApiParameter(
            "limit",
            {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
            description="Number of results per page, 1–100 (default 20).",
        ),
        OpenApiParameter(
            "offset", {"type": "integer", "minimum": 0, "maximum": 10_000_000, "default": 0}, description="Offset."
        ),
    ],
    responses={200: SearchResultsSerializer, **LIST_ERRORS},
)
class SearchView(SearchBase):
    """Search practices, events and partners of one locale: ranked title, summary, body; facets; highlights."""

    extra_params = ("q", "locale", "type", "topic", "agglomeration", "limit", "offset")

    def list_params(self):
        return {"type", "topic", "agglomeration"}

    def list_values(self, name, allowed=None):
        raw = self.request.query_params.getlist(name)
        if len(raw) > MAX_LIST_VALUES or any(len(value) > MAX_LIST_VALUE_LENGTH for value in raw):
            raise ValidationError(
                {name: [f"Give at most {MAX_LIST_VALUES} values of at most {MAX_LIST_VALUE_LENGTH} characters."]}
            )
        values = [item for value in raw for item in value.split(",")]
        if allowed is not None:
            unknown = sorted(set(values) - set(allowed))
            if unknown:
                raise ValidationError({name: [f"Unknown value {unknown[0]!r}; use one of {', '.join(allowed)}."]})
        elif any(not re.fullmatch(r"[-a-zA-Z0-9_]+", value) for value in values):
            raise ValidationError({name: ["Slugs contain letters, digits, - and _ only."]})
        return values

    def render(self):
        text = self.query_text()
        locale_id = self.request_locale()
        filters = {
            "type": self.list_values("type", FACETS["type"]),
            "topic": self.list_values("topic"),
            "agglomeration": self.list_values("agglomeration", FACETS["agglomeration"]),
        }
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


@extend_schema(
    tags=["search"],
    parameters=[
        query_parameter(
            100,
            "The start of a title: every word is matched as the start of a title word, without regard to diacritics.",
        ),
        LOCALE_PARAMETER,
        OpenApiParameter(
            "limit",
            {"type": "integer", "minimum": 1, "maximum": 20, "default": 10},
            description="Number of suggestions, 1–20 (default 10).",
        ),
    ],
    responses={200: SuggestionsSerializer, **LIST_ERRORS},
)
class AutocompleteView(SearchBase):
    """Titles of practices, events and partners of one locale that start like the query, for a search box."""

    extra_params = ("q", "locale", "limit")
    max_query_length = 100

    def render(self):
        tokens = [folded for _word, folded in query_tokens(self.query_text())]
        locale_id = self.request_locale()
        limit = StrictLimitOffsetPagination._parse(self.request, "limit", 10, minimum=1, maximum=20)
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
