"""The cluster's indices: one per language, its analysis and mapping, and the document of one page.

Each language is an alias (`a4b-pl`, `a4b-cs`) over one concrete index
(`a4b-pl-20261124101500123456`): a rebuild fills a new index and moves the
alias in one atomic `_aliases` call, so searches never see a half-filled index
and a changed mapping needs no downtime.

Text is analysed twice. The main field stems in its language and then folds
diacritics: Polish with the `analysis-stempel` plugin's `polish_stop` and
`polish_stem` (the plugin must be installed on every node), Czech with the
built-in `_czech_` stop words and `czech` stemmer, i.e. the `polish` and `czech`
analyzers rebuilt as custom ones so that `asciifolding` can follow the
stemmer. The `.folded` subfield only lower-cases and folds, and matches the
words as written (`spoluprace`, `Olomoucky`) and the query's place names and
lemmas (see `queries`).
"""

from search.indexing import display_summary, part_texts, texts, topic_slugs

STEMMING = {
    "pl": ["polish_stop", "polish_stem"],
    "cs": ["a4b_czech_stop", "a4b_czech_stem"],
}
CZECH_FILTERS = {
    "a4b_czech_stop": {"type": "stop", "stopwords": "_czech_"},
    "a4b_czech_stem": {"type": "stemmer", "language": "czech"},
}
FOLDING = ["lowercase", "asciifolding"]
#: The searched text fields; a query weighs them (see queries.WEIGHTS).
TEXT_FIELDS = ("title", "title_more", "summary", "summary_more", "body")


def alias(prefix, language):
    return f"{prefix}-{language}"


def analysis(language):
    """Index analysis settings: `a4b_text` (stemmed in `language`, then folded), `a4b_folded` and its normalizer.

    A language with no stemmer here (neither Polish nor Czech) is folded only,
    as the database engine folds a language its lemmatiser does not know.
    """
    return {
        "filter": CZECH_FILTERS if language == "cs" else {},
        "analyzer": {
            "a4b_text": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", *STEMMING.get(language, []), "asciifolding"],
            },
            "a4b_folded": {"type": "custom", "tokenizer": "standard", "filter": FOLDING},
        },
        "normalizer": {"a4b_folded": {"type": "custom", "filter": FOLDING}},
    }


def _text_field():
    return {"type": "text", "analyzer": "a4b_text", "fields": {"folded": {"type": "text", "analyzer": "a4b_folded"}}}


def index_body(language):
    """The body of `PUT /<index>`: settings and the strict mapping of a page document.

    One shard: a few tens of thousands of pages per language fit it easily, and
    with one shard the facet counts (terms aggregations) and the scores are exact
    rather than per-shard estimates.
    """
    title = _text_field()
    # Autocomplete: "the title starts with" and the alphabetical order, folded like the query's words.
    title["fields"]["sort"] = {"type": "keyword", "normalizer": "a4b_folded"}
    return {
        "settings": {"index": {"number_of_shards": 1}, "analysis": analysis(language)},
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "page_id": {"type": "long"},
                "locale_id": {"type": "long"},
                "kind": {"type": "keyword"},
                **{name: _text_field() for name in TEXT_FIELDS},
                "title": title,
                "shown_summary": {"type": "text", "index": False},
                "agglomeration": {"type": "keyword"},
                "topics": {"type": "keyword"},
                "published_at": {"type": "date"},
            },
        },
    }


def document(page, kind):
    """The document of the live `page` (specific), from its type's declaration like the database entry.

    `title` is the page title and `title_more` the rest of the title part;
    `summary` is the summary part's first field (the summary an answer shows,
    highlighted) and `summary_more` the rest of that part (a practice's
    municipality, an event's city and venue); `shown_summary` is what the
    answer shows as the summary (a partner's is the start of its description).
    """
    summary, *summary_more = part_texts(page, "summary") or [""]
    body = texts(page)[2]
    return {
        "page_id": page.pk,
        "locale_id": page.locale_id,
        "kind": kind,
        "title": page.title,
        "title_more": "\n".join(part_texts(page, "title")),
        "summary": summary,
        "summary_more": "\n".join(summary_more),
        "body": body,
        "shown_summary": display_summary(page, body),
        "agglomeration": getattr(page, "agglomeration", "") or None,
        "topics": topic_slugs(page),
        "published_at": page.first_published_at.isoformat() if page.first_published_at else None,
    }
