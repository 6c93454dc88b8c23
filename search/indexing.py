"""Keeping the search index in step with the live pages: one page at a time, or all of them.

What a page contributes is read from its type's declaration (`public_api_fields`,
`core.api_fields`): each field marked `search="title"`, "summary" or "body" adds
its text to that part, in its `search_order`; the page title leads the title
part. Rich text is indexed without its markup, a StreamField by its searchable
content. Only live pages of the types registered as searchable are indexed;
whether a page is public is decided at query time, because a change to an
ancestor or a view restriction does not touch the page itself.

The texts (`texts`, `part_texts`, `display_summary`, `topic_slugs`) and the live
pages (`live_pages`) serve both engines; the rest writes the database engine's
`SearchEntry` rows (the cluster engine writes documents, search/engines/opensearch/).
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection, models, transaction
from django.db.models import Prefetch, Value
from django.utils.text import Truncator
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from core import content_types
from core.api.cache import bump_content_version
from core.api_fields import SEARCH_PARTS, searched_fields
from practices.models import PracticePage, PracticeTopic
from search.models import SearchEntry, SearchEntryTopic
from search.text import fold, terms, words

BATCH = 500


def searchable(model):
    page_type = content_types.for_model(model)
    return page_type is not None and page_type.searchable


def _join(*parts):
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _stream_text(stream):
    return _join(*stream.stream_block.get_searchable_content(stream))


def _text(page, name):
    """The text search reads from one field of `page`."""
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(field, StreamField):
        return _stream_text(value)
    if isinstance(field, RichTextField):
        return get_text_for_indexing(value)
    if isinstance(field, models.CharField | models.TextField):
        return value
    raise TypeError(f"{field.model._meta.label}.{name} is declared searchable but holds no text")


def part_texts(page, part):
    """The plain text of each field of `page` declared for `part` ("title", "summary", "body"), in search order."""
    return [_text(page, name) for name in searched_fields(type(page), part)]


def texts(page):
    """(title, summary, body) as plain text, the parts search ranks in that order."""
    title, summary, body = (_join(*part_texts(page, part)) for part in SEARCH_PARTS)
    return _join(page.title, title), summary, body


def display_summary(page, body):
    """The summary shown in results: the first field of the summary part as written, else the body's first line.

    A practice or an event shows its own summary (not the place added to its
    summary part); a partner, which has no summary part, the start of its description.
    """
    summary = searched_fields(type(page), "summary")
    if summary:
        return getattr(page, summary[0])
    return Truncator(body.split("\n", 1)[0]).chars(300)


def build_entry(page, language):
    """An unsaved SearchEntry for the live `page`."""
    title, summary, body = texts(page)
    title_terms, summary_terms, body_terms = terms(title, language), terms(summary, language), terms(body, language)
    return SearchEntry(
        page_id=page.pk,
        locale_id=page.locale_id,
        kind=content_types.for_model(type(page)).kind,
        title=page.title,
        summary=display_summary(page, body),
        body=body,
        title_prefixes=" " + " ".join(fold(word) for _start, _end, word in words(page.title)) + " ",
        title_terms=title_terms,
        summary_terms=summary_terms,
        body_terms=body_terms,
        agglomeration=getattr(page, "agglomeration", ""),
        published_at=page.first_published_at,
        vector=vector(title_terms, summary_terms, body_terms),
    )


def topic_slugs(page):
    if not isinstance(page, PracticePage):
        return []
    return sorted({link.topic.slug for link in page.topic_links.all()})


def vector(title_terms, summary_terms, body_terms):
    """PostgreSQL: the terms as one tsvector, weighted A (title), B (summary), C (body), for the GIN index.

    The 'simple' configuration only splits on spaces: the terms are already
    lemmatised and folded. Computed in the INSERT itself, so an indexed row is
    written once (an UPDATE afterwards would leave a dead copy of every row).
    """
    if connection.vendor != "postgresql":
        return None
    parts = zip((title_terms, summary_terms, body_terms), "ABC", strict=True)
    combined = None
    for text, weight in parts:
        part = SearchVector(Value(text), config="simple", weight=weight)
        combined = part if combined is None else combined + part
    return combined


@transaction.atomic
def index_page(page_id):
    """Index the live version of page `page_id`, or drop it from the index if it is not live (or not searchable)."""
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    page = page.specific if page is not None else None
    if page is None or not page.live or not searchable(type(page)):
        SearchEntry.objects.filter(page_id=page_id).delete()
        return
    SearchEntry.objects.filter(page_id=page_id).delete()
    _add([page])


def live_pages():
    """(model, iterator of its live pages) for each searchable type, with locales (and a practice's topics) loaded."""
    for model in (page_type.model for page_type in content_types.searchable()):
        queryset = model.objects.filter(live=True).select_related("locale").order_by("pk")
        if model is PracticePage:
            queryset = queryset.prefetch_related(
                Prefetch("topic_links", queryset=PracticeTopic.objects.select_related("topic"))
            )
        yield model, queryset.iterator(chunk_size=BATCH)


@transaction.atomic
def rebuild(log=None):
    """Empty the index and index every live page of the searchable types again; returns the number indexed."""
    SearchEntryTopic.objects.all().delete()
    SearchEntry.objects.all().delete()
    total = 0
    for model, pages in live_pages():
        batch = []
        for page in pages:
            batch.append(page)
            if len(batch) == BATCH:
                total += _add(batch)
                batch = []
        total += _add(batch)
        if log:
            log(f"{model._meta.label}: indexed")
    if connection.vendor == "postgresql":
        # Rows bulk-inserted into a GIN index wait in its pending list, which every search would scan.
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('search_entry_vector')")
            cursor.execute("ANALYZE search_searchentry")
    # Search answers cached before the rebuild may be wrong now; the next request renders afresh.
    bump_content_version()
    return total


def _add(pages):
    entries = SearchEntry.objects.bulk_create(build_entry(page, page.locale.language_code) for page in pages)
    SearchEntryTopic.objects.bulk_create(
        SearchEntryTopic(entry=entry, slug=slug)
        for page, entry in zip(pages, entries, strict=True)
        for slug in topic_slugs(page)
    )
    return len(entries)
