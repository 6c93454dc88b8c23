"""From a query string to ranked, faceted, highlighted results over the search index.

A query is a list of *units*, all of which a result must contain (when none
contains them all, results with any of them are shown instead, best first).
A unit is a set of *alternatives*, each a tuple of terms that must all appear:
one word gives one-term alternatives (its spellings), a place name gives one
alternative per name of the place (`Kędzierzyn-Koźle` is two terms).

Matching uses the GIN-indexed tsvector on PostgreSQL and LIKE on other
databases. Ranking puts the title above the summary above the body, then the
most recent first: ts_rank over the weighted vector on PostgreSQL, and on
other databases a portable score (per unit, 8 for the title, 3 for the
summary, 1 for the body).
"""

import bisect
import html
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils.text import Truncator

from core.api.cache import PerVersion
from search.models import PlaceName, SearchEntryTopic
from search.text import STOP_WORDS, query_tokens, spellings, words

#: Units beyond this many are ignored: the longest useful query, and a bound on the SQL.
MAX_UNITS = 10
WEIGHTS = {"title_terms": 8, "summary_terms": 3, "body_terms": 1}
SNIPPET_WORDS = 30
#: Place-name words longer than this also match as prefixes of at least this many letters.
PREFIX_MIN = 4
#: Words of context shown before the first match of a snippet.
SNIPPET_CONTEXT = 6


@dataclass(frozen=True)
class Query:
    units: tuple[frozenset[tuple[str, ...]], ...]
    #: Each unit's words as typed: a search cluster analyses them with its own stemmer.
    texts: tuple[str, ...] = ()

    @property
    def terms(self):
        """Every term of every alternative: what highlighting marks."""
        return frozenset(term for unit in self.units for alternative in unit for term in alternative)


# Place names


def place_groups():
    """{tuple of terms of one name: every name of its place as term tuples}, per content version."""
    return _place_groups.get()


def _build_place_groups():
    groups = {}
    for place in PlaceName.objects.all():
        names = {name_terms(name) for name in place.names()} - {()}
        for name in names:
            groups[name] = groups.get(name, frozenset()) | frozenset(names)
    return groups


_place_groups = PerVersion(_build_place_groups)


def name_terms(name):
    """A place name as the tuple of its folded words: `Kędzierzyn-Koźle` → ('kedzierzyn', 'kozle')."""
    return tuple(folded for _word, folded in query_tokens(name))


# Parsing


def parse(text, language):
    """The units of a query; empty when it has no searchable word."""
    tokens = query_tokens(text)
    groups = place_groups()
    longest = max((len(name) for name in groups), default=1)
    units = []
    position = 0
    while position < len(tokens):
        for size in range(min(longest, len(tokens) - position), 0, -1):
            words_here = tokens[position : position + size]
            unit = _place_unit(words_here, language, groups)
            if unit is not None:
                break
        else:
            size, unit = 1, frozenset((term,) for term in spellings(tokens[position][0], language))
        units.append((unit, " ".join(word for word, _folded in tokens[position : position + size])))
        position += size
    meaningful = [(unit, text) for unit, text in units if not unit <= {(stop,) for stop in STOP_WORDS}]
    kept = {}
    for unit, text in meaningful or units:
        kept.setdefault(unit, text)
    units = list(kept)[:MAX_UNITS]
    return Query(tuple(units), tuple(kept[unit] for unit in units))


def _place_unit(tokens, language, groups):
    """The unit of a place name spelled by `tokens` (any inflection of its last word), or None."""
    *head, (last_word, last_folded) = tokens
    head_terms = tuple(folded for _word, folded in head)
    for last in (last_folded, *spellings(last_word, language)):
        names = groups.get((*head_terms, last))
        if names is not None:
            return frozenset(alternative for name in names for alternative in _inflected(name, language))
    return None


def _inflected(name, language):
    """A place name, the same with its last word lemmatised, and its words as prefixes.

    Lemmatisers know few place names, so besides `Opolu` → `Opole`, each word
    of the name also matches as a prefix without its last two letters (at
    least four are kept): `kedzierz*` finds `Kędzierzyně`, `opol*` finds `Opolí`.
    """
    *head, last = name
    prefixes = tuple(f"{word[: max(PREFIX_MIN, len(word) - 2)]}*" if len(word) > PREFIX_MIN else word for word in name)
    return {name, prefixes, *((*head, form) for form in spellings(last, language))}


# Matching and ranking


def _contains(field, alternative):
    condition = Q()
    for term in alternative:
        needle = f" {term[:-1]}" if term.endswith("*") else f" {term} "
        condition &= Q(**{f"{field}__contains": needle})
    return condition


def _unit_in(field, unit):
    condition = Q()
    for alternative in unit:
        condition |= _contains(field, alternative)
    return condition


def _tsquery(query, operator):
    units = (
        "("
        + " | ".join(
            "(" + " & ".join(f"{term[:-1]}:*" if term.endswith("*") else term for term in alternative) + ")"
            for alternative in sorted(unit)
        )
        + ")"
        for unit in query.units
    )
    return SearchQuery(f" {operator} ".join(units), search_type="raw", config="simple")


def _matching(entries, query, require_all):
    if connection.vendor == "postgresql":
        return entries.filter(vector=_tsquery(query, "&" if require_all else "|"))
    conditions = [
        _unit_in("title_terms", u) | _unit_in("summary_terms", u) | _unit_in("body_terms", u) for u in query.units
    ]
    combined = Q()
    for condition in conditions:
        combined = combined & condition if require_all else combined | condition
    return entries.filter(combined)


def score(query):
    """The rank expression: per unit, the weight of the best part (title, summary, body) that contains it."""
    total = Value(0)
    for unit in query.units:
        best = Case(
            *(When(_unit_in(field, unit), then=Value(weight)) for field, weight in WEIGHTS.items()),
            default=Value(0),
            output_field=IntegerField(),
        )
        total = total + best
    return total


def search(entries, query):
    """Entries matching every unit, or failing that any unit; ranked. Returns (queryset, matched_all)."""
    found = _matching(entries, query, require_all=True)
    matched_all = len(query.units) == 1 or found.exists()
    if not matched_all:
        found = _matching(entries, query, require_all=False)
    return found, matched_all


#: ts_rank weights of the vector's parts, in PostgreSQL's order {D, C, B, A}: unused, body, summary, title.
PG_WEIGHTS = [0.0, 0.1, 0.35, 1.0]


def ranked(found, query):
    """Best first, then the most recently published.

    PostgreSQL ranks with ts_rank over the weighted vector (title A, summary
    B, body C), computed from the vector alone; elsewhere the portable
    `score()` checks each part's terms.
    """
    if connection.vendor == "postgresql":
        rank = SearchRank(F("vector"), _tsquery(query, "|"), weights=PG_WEIGHTS)
    else:
        rank = score(query)
    return found.annotate(rank=rank).order_by("-rank", F("published_at").desc(nulls_last=True), "-page_id")


# Facets


def facet_counts(found, field):
    """{value: number of entries} of `field` among `found` (empty values left out)."""
    return dict(found.exclude(**{field: ""}).order_by().values_list(field).annotate(n=Count("pk")))


def topic_counts(found):
    """{topic slug: number of entries} among `found`."""
    return dict(
        SearchEntryTopic.objects.filter(entry__in=found.order_by().values("pk"))
        .values_list("slug")
        .annotate(n=Count("pk"))
    )


# Highlighting


def matches(word, query_terms, language):
    """Whether `word` is one of the query's terms, or starts with one of its prefixes (`kedzierz*`)."""
    forms = spellings(word, language)
    if not query_terms.isdisjoint(forms):
        return True
    return any(form.startswith(term[:-1]) for term in query_terms if term.endswith("*") for form in forms)


def matcher(query_terms, language):
    """A predicate on (start, end, word): whether the word matches the query (what the database engine marks)."""
    return lambda _start, _end, word: matches(word, query_terms, language)


def highlight(text, query_terms, language):
    """`text` HTML-escaped, with the words that match the query in `<mark>`."""
    return marked(text, words(text), matcher(query_terms, language))


def marked(text, found_words, is_hit, start=0, end=None):
    """`text[start:end]` HTML-escaped, with the words for which `is_hit(start, end, word)` holds in `<mark>`."""
    end = len(text) if end is None else end
    parts = []
    position = start
    for word_start, word_end, word in found_words:
        if word_start < start or word_end > end:
            continue
        if is_hit(word_start, word_end, word):
            parts.append(html.escape(text[position:word_start]))
            parts.append(f"<mark>{html.escape(word)}</mark>")
            position = word_end
    parts.append(html.escape(text[position:end]))
    return "".join(parts)


def snippet(summary, body, query_terms, language):
    """A short excerpt, escaped, with matches marked: the summary if it matches, else the body's densest window."""
    is_hit = matcher(query_terms, language)
    return excerpt(summary, body, is_hit, is_hit)


def excerpt(summary, body, summary_hit, body_hit):
    """The summary's or else the body's densest window of SNIPPET_WORDS words with a hit, escaped and marked.

    `summary_hit` and `body_hit` tell a hit word of each text (see `marked`).
    With no hit in either, the start of the summary (or of the body) as plain escaped text.
    """
    for text, is_hit in ((summary, summary_hit), (body, body_hit)):
        found = words(text)
        hits = [index for index, (start, end, word) in enumerate(found) if is_hit(start, end, word)]
        if not hits:
            continue
        starts = [max(0, hit - SNIPPET_CONTEXT) for hit in hits]
        first = max(starts, key=lambda i: bisect.bisect_left(hits, i + SNIPPET_WORDS) - bisect.bisect_left(hits, i))
        last = min(len(found), first + SNIPPET_WORDS) - 1
        begin = found[first][0]
        end = len(text) if last == len(found) - 1 else found[last][1]
        prefix = "… " if first > 0 else ""
        suffix = " …" if last < len(found) - 1 else ""
        return prefix + marked(text, found, is_hit, begin, end) + suffix
    return html.escape(Truncator(" ".join((summary or body).split())).words(SNIPPET_WORDS))
