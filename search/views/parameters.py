"""What the search endpoints take: each parameter's rule, written once, checked and documented from here."""

import dataclasses

from core import content_types
from core.api.pagination import PAGING_WORDING, StrictLimitOffsetPagination
from core.api.params import LOCALE, Integer, Parameters, Text, ValueList
from practices.models import Agglomeration
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
