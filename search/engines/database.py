"""The database engine: our own index (`search.SearchEntry`), matched and ranked in SQL.

Matching, ranking and facets are `search.query`'s, the index is written by
`search.indexing`; this module is what the endpoints did with them before
there was a second engine, moved behind `search.engines.Engine` unchanged.
Visibility is a join to the page tree at query time (`PublicTree.visible_q()`).
"""

from django.db.models import Case, IntegerField, Q, Value, When

from search import indexing
from search import query as search_query
from search.models import SearchEntry, SearchEntryTopic

ROW_FIELDS = ("page_id", "kind", "locale_id", "title", "summary", "body", "published_at", "page__url_path")


def visible_entries(tree, locale_id):
    """Entries of live, public pages under the home of `locale_id` (PublicTree decides what is public)."""
    home_path = tree.home_paths.get(locale_id)
    if home_path is None:
        return SearchEntry.objects.none()
    return SearchEntry.objects.filter(
        tree.visible_q(prefix="page__"), locale_id=locale_id, page__url_path__startswith=home_path
    )


class DatabaseFound:
    def __init__(self, found, matched_all, parsed, language, filters):
        self.found = found
        self.matched_all = matched_all
        self.parsed = parsed
        self.language = language
        self.filters = filters
        self.conditions = {
            "type": lambda values: Q(kind__in=values),
            "agglomeration": lambda values: Q(agglomeration__in=values),
            "topic": lambda values: Q(pk__in=SearchEntryTopic.objects.filter(slug__in=values).values("entry_id")),
        }

    def filtered(self, *except_facet):
        queryset = self.found
        for name, values in self.filters.items():
            if name not in except_facet:
                queryset = queryset.filter(self.conditions[name](values))
        return queryset

    @property
    def rows(self):
        return search_query.ranked(self.filtered(), self.parsed).values(*ROW_FIELDS)

    def hits(self, page):
        terms = self.parsed.terms
        return [
            {
                "page_id": row["page_id"],
                "kind": row["kind"],
                "locale_id": row["locale_id"],
                "title": row["title"],
                "summary": row["summary"],
                "published_at": row["published_at"],
                "url_path": row["page__url_path"],
                "highlight": {
                    "title": search_query.highlight(row["title"], terms, self.language),
                    "snippet": search_query.snippet(row["summary"], row["body"], terms, self.language),
                },
            }
            for row in page
        ]

    def facet_counts(self):
        return {
            "type": search_query.facet_counts(self.filtered("type"), "kind"),
            "agglomeration": search_query.facet_counts(self.filtered("agglomeration"), "agglomeration"),
            "topic": search_query.topic_counts(self.filtered("topic")),
        }


class DatabaseEngine:
    def search(self, *, tree, locale_id, language, text, filters, offset, limit):
        parsed = search_query.parse(text, language)
        found, matched_all = search_query.search(visible_entries(tree, locale_id), parsed)
        return DatabaseFound(found, matched_all, parsed, language, filters)

    def suggest(self, *, tree, locale_id, tokens, limit):
        entries = visible_entries(tree, locale_id)
        for token in tokens:
            entries = entries.filter(title_prefixes__contains=f" {token}")
        entries = entries.annotate(
            starts=Case(
                When(title_prefixes__startswith=f" {tokens[0]}", then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).order_by("-starts", "title", "page_id")
        rows = entries.values("page_id", "kind", "title", "locale_id", "page__url_path")[:limit]
        return [{**row, "url_path": row.pop("page__url_path")} for row in rows]

    def index_page(self, page_id):
        indexing.index_page(page_id)

    def remove_page(self, page_id):
        SearchEntry.objects.filter(page_id=page_id).delete()

    def rebuild(self, log=None):
        return indexing.rebuild(log=log)
