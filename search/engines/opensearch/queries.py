"""The `_search` bodies of the cluster engine: matching, visibility, facets, highlights, order.

A query is parsed as for the database engine (`search.query.parse`): units
that a result must all contain (or, when none contains them all, any of them),
place names expanded to every name of the place. Each unit matches when its
words as typed match the stemmed fields (the cluster's own Polish or Czech
analysis), or one of its alternatives matches the folded words: the lemmas
our lemmatiser gave, a place's other names, and their prefixes (`kedzierz*`).
Place names are expanded here, at query time, and not as a synonym filter in
the index: an editor's change to the *Place names* snippet then applies to
the next search, as on the database engine, instead of needing the index
closed, its analysis changed and reopened.
"""

from core import content_types
from practices.models import Agglomeration

#: Field boosts, in the proportions of the database engine's ts_rank weights (title 1.0, summary 0.35, body 0.1).
WEIGHTS = {"title": 10, "title_more": 10, "summary": 3.5, "summary_more": 3.5, "body": 1}
#: Highlight tags the engine replaces after escaping the text itself (see answers.py): never in page text.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
HIGHLIGHTED = ("title", "title.folded", "summary", "summary.folded", "body", "body.folded")
SOURCE = ["page_id", "kind", "locale_id", "title", "shown_summary", "body", "published_at"]
FACET_FIELDS = {"type": "kind", "agglomeration": "agglomeration", "topic": "topics"}
#: More buckets than there are topics: a terms aggregation returns only this many values.
TOPIC_BUCKETS = 1000


def _fields(suffix=""):
    return [f"{name}{suffix}^{weight}" for name, weight in WEIGHTS.items()]


def _term(field, term):
    return {"prefix": {field: term[:-1]}} if term.endswith("*") else {"term": {field: term}}


def unit_clause(unit, text):
    """One unit: its words as typed (stemmed by the cluster), its one-word spellings, or a several-word alternative.

    An alternative of several words (`kedzierzyn kozle`) or a prefix must be
    found within one field, as in the database engine.
    """
    single = sorted(alternative[0] for alternative in unit if len(alternative) == 1 and "*" not in alternative[0])
    should = [{"multi_match": {"query": text, "fields": _fields(), "operator": "and"}}]
    if single:
        should.append({"multi_match": {"query": " ".join(single), "fields": _fields(".folded")}})
    for alternative in sorted(alt for alt in unit if len(alt) > 1 or "*" in alt[0]):
        per_field = [
            {"bool": {"must": [_term(f"{field}.folded", term) for term in alternative], "boost": weight}}
            for field, weight in WEIGHTS.items()
        ]
        should.append({"dis_max": {"queries": per_field}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def visibility(locale_id, hidden):
    """Filters keeping the pages of `locale_id` the public tree shows; `hidden`: the ids it does not (or None: all)."""
    if hidden is None:
        return [{"match_none": {}}]
    clauses = [{"term": {"locale_id": locale_id}}]
    if hidden:
        clauses.append({"bool": {"must_not": [{"terms": {"page_id": hidden}}]}})
    return clauses


def _bucket_count(name):
    if name == "type":
        return len(list(content_types.searchable()))
    if name == "agglomeration":
        return len(Agglomeration.values)
    return TOPIC_BUCKETS


def search_body(query, *, visible, filters, offset, limit, require_all):
    """One page of results with its total, the facet counts and the highlights, in one request.

    The facet filters are a `post_filter`, so the aggregations see the query's
    results before them; each facet's aggregation applies the other facets'
    filters (picking a type does not hide the other types), and `matched`
    counts the results before any facet filter, to tell whether every word
    was found.
    """
    clauses = [unit_clause(unit, text) for unit, text in zip(query.units, query.texts, strict=True)]
    matching = {"must": clauses} if require_all else {"should": clauses, "minimum_should_match": 1}
    facet_filters = {name: {"terms": {FACET_FIELDS[name]: list(values)}} for name, values in filters.items()}
    body = {
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "query": {"bool": {**matching, "filter": visible}},
        "sort": [{"_score": "desc"}, {"published_at": {"order": "desc", "missing": "_last"}}, {"page_id": "desc"}],
        "_source": SOURCE,
        "highlight": {
            "pre_tags": [MARK_OPEN],
            "post_tags": [MARK_CLOSE],
            # The whole field, so that the snippet is chosen and escaped as on the database engine.
            "number_of_fragments": 0,
            "fields": {field: {} for field in HIGHLIGHTED},
        },
        "aggs": {
            "matched": {"filter": {"match_all": {}}},
            **{
                name: {
                    "filter": {
                        "bool": {"filter": [clause for other, clause in facet_filters.items() if other != name]}
                    },
                    "aggs": {"values": {"terms": {"field": field, "size": _bucket_count(name)}}},
                }
                for name, field in FACET_FIELDS.items()
            },
        },
    }
    if facet_filters:
        body["post_filter"] = {"bool": {"filter": list(facet_filters.values())}}
    return body


def suggest_body(tokens, *, visible, limit):
    """Titles whose words start with every token; those whose title starts with the first token score 1, first."""
    return {
        "size": limit,
        "_source": ["page_id", "kind", "title", "locale_id"],
        "query": {
            "bool": {
                "filter": [*visible, *({"prefix": {"title.folded": token}} for token in tokens)],
                "should": [{"constant_score": {"filter": {"prefix": {"title.sort": tokens[0]}}}}],
            }
        },
        "sort": [{"_score": "desc"}, {"title.sort": "asc"}, {"page_id": "asc"}],
    }
