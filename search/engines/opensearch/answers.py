"""From the cluster's answers to the rows the endpoints render: highlights, snippets, facet counts, paths.

The cluster marks matches with private-use characters instead of `<mark>`
and returns each highlighted field whole; the text is then escaped with
`html.escape`, marked word by word and cut into a snippet by the same code as
the database engine's (`search.query.marked`, `excerpt`), so the two engines'
highlights are escaped alike, whatever the cluster's own HTML encoder would do
(Lucene's also escapes `/`). A word is marked when the cluster marked any part
of it, in the stemmed field or its `.folded` subfield.
"""

import logging

from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from search.engines.opensearch.queries import FACET_FIELDS, MARK_CLOSE, MARK_OPEN
from search.query import excerpt, marked
from search.text import words

logger = logging.getLogger(__name__)


def marked_spans(fragment):
    """The (start, end) spans the cluster marked in `fragment`, in the coordinates of the text without the marks."""
    spans = []
    position = 0
    start = None
    for char in fragment:
        if char == MARK_OPEN:
            start = position
        elif char == MARK_CLOSE:
            spans.append((start, position))
        else:
            position += 1
    return spans


def hit_test(highlight, field):
    """A predicate on (start, end, word) of the field's text: whether the cluster marked any of that word."""
    spans = [
        span for name in (field, f"{field}.folded") for text in highlight.get(name, ()) for span in marked_spans(text)
    ]
    return lambda start, end, _word: any(a < end and start < b for a, b in spans)


def result_row(hit, url_path):
    source = hit["_source"]
    highlight = hit.get("highlight", {})
    title = source["title"]
    return {
        "page_id": source["page_id"],
        "kind": source["kind"],
        "locale_id": source["locale_id"],
        "title": title,
        "summary": source["shown_summary"],
        "published_at": parse_datetime(source["published_at"]) if source["published_at"] else None,
        "url_path": url_path,
        "highlight": {
            "title": marked(title, words(title), hit_test(highlight, "title")),
            "snippet": excerpt(
                source["shown_summary"], source["body"], hit_test(highlight, "summary"), hit_test(highlight, "body")
            ),
        },
    }


def facet_counts(aggregations):
    return {
        name: {bucket["key"]: bucket["doc_count"] for bucket in aggregations[name]["values"]["buckets"]}
        for name in FACET_FIELDS
    }


def shown(tree, sources):
    """[(source, url_path)] of the pages the public tree shows, in order; the others are dropped and logged.

    The query already leaves out the pages the tree hides; this is for a
    document the index should no longer hold (a page deleted while the cluster
    did not answer), and it reads each page's current path, which a move
    changes without touching the document.
    """
    pages = Page.objects.filter(pk__in=[source["page_id"] for source in sources]).only(
        "id", "live", "locale_id", "path", "url_path"
    )
    by_id = {page.pk: page for page in pages}
    kept = []
    for source in sources:
        page = by_id.get(source["page_id"])
        if page is None or not tree.shows(page) or tree.path_for(page.locale_id, page.url_path) is None:
            logger.warning(
                "The search cluster returned page %s, which is not public: rebuild the index.", source["page_id"]
            )
            continue
        kept.append((source, page.url_path))
    return kept
