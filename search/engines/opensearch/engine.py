"""The cluster engine: search, suggestions and index upkeep on OpenSearch (or Elasticsearch), through opensearch-py.

Visibility is decided by the database at query time, never by the index: the
query leaves out the ids of the locale's pages of the searchable types that
`PublicTree` does not show (live or not: under an unpublished or restricted
page, outside the locale's home, or not published), listed once per content
version. Any publish, unpublish, move or privacy change renews the version,
so a page hidden by a change to an ancestor is left out at once, without
re-indexing its subtree. The list is short on a site whose content is public
(the cluster accepts up to `index.max_terms_count`, 65,536 by default).

Writes follow the database: a publish writes the page's document after the
transaction commits (a rolled-back publish writes nothing), waits until it is
searchable (`refresh=wait_for`) and then renews the content version, so no
answer cached under the new version lacks the page. An unpublish deletes the
document at once, inside the editor's transaction, as the database engine
does: should that transaction then roll back, the page is missing from search
until its next publish or a rebuild, never the other way round.
"""

import functools
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from opensearchpy import NotFoundError, OpenSearch, RequestError, TransportError
from wagtail.models import Locale, Page

from core import content_types
from core.api.cache import PerVersion, bump_content_version
from search import indexing
from search.engines import SearchUnavailable
from search.engines.opensearch import answers, queries
from search.engines.opensearch.indices import alias, document, index_body
from search.query import parse

logger = logging.getLogger(__name__)


class ClusterError(Exception):
    """The cluster refused a write."""


def _hidden_ids(tree, locale_id):
    """Ids of the locale's pages of the searchable types that the tree does not show; None without a home."""
    home_path = tree.home_paths.get(locale_id)
    if home_path is None:
        return None
    types = ContentType.objects.get_for_models(*(page_type.model for page_type in content_types.searchable()))
    public = tree.visible_q() & Q(url_path__startswith=home_path)
    pages = Page.objects.filter(locale_id=locale_id, content_type__in=list(types.values())).exclude(public)
    return list(pages.order_by("pk").values_list("pk", flat=True))


#: {locale id: hidden ids}, filled as locales are searched, once per content version.
_hidden = PerVersion(dict)


def hidden_ids(tree, locale_id):
    kept = _hidden.get()
    if locale_id not in kept:
        kept[locale_id] = _hidden_ids(tree, locale_id)
    return kept[locale_id]


class Window:
    """The page of results the paginator asked for: its total and its hits, from the one search request."""

    def __init__(self, found):
        self.found = found

    def count(self):
        return self.found.answer["hits"]["total"]["value"]

    def __getitem__(self, window):
        if (window.start, window.stop) != (self.found.offset, self.found.offset + self.found.limit):
            raise IndexError(f"the search asked the cluster for another page than {window}")
        return self.found.answer["hits"]["hits"]


class ClusterFound:
    def __init__(self, engine, tree, locale_id, language, text, filters, offset, limit):
        self.engine = engine
        self.tree = tree
        self.index = engine.alias(language)
        self.query = parse(text, language)
        self.visible = queries.visibility(locale_id, hidden_ids(tree, locale_id))
        self.filters = {name: list(values) for name, values in filters.items()}
        self.offset = offset
        self.limit = limit

    def _search(self, require_all):
        body = queries.search_body(
            self.query,
            visible=self.visible,
            filters=self.filters,
            offset=self.offset,
            limit=self.limit,
            require_all=require_all,
        )
        return self.engine.read(self.index, body)

    @functools.cached_property
    def _answers(self):
        """(matched_all, answer): every unit's results, or when there are none, any unit's (a second request)."""
        answer = self._search(require_all=True)
        if len(self.query.units) > 1 and answer["aggregations"]["matched"]["doc_count"] == 0:
            return False, self._search(require_all=False)
        return True, answer

    @property
    def matched_all(self):
        return self._answers[0]

    @property
    def answer(self):
        return self._answers[1]

    @property
    def rows(self):
        return Window(self)

    def hits(self, page):
        by_id = {hit["_source"]["page_id"]: hit for hit in page}
        return [
            answers.result_row(by_id[source["page_id"]], url_path)
            for source, url_path in answers.shown(self.tree, [hit["_source"] for hit in page])
        ]

    def facet_counts(self):
        return answers.facet_counts(self.answer["aggregations"])


class OpenSearchEngine:
    def __init__(self, *, hosts, index_prefix, ca_certs=None, timeout=5):
        self.client = OpenSearch(hosts=hosts, ca_certs=ca_certs, timeout=timeout, max_retries=1)
        self.prefix = index_prefix

    def alias(self, language):
        return alias(self.prefix, language)

    def read(self, index, body):
        """POST <index>/_search. Whatever stops the cluster answering is a 503 to the visitor, never a 500.

        A refusal of our own request (a 4xx) is a fault of ours and is logged
        as an error; the visitor is told the same, as nothing they sent caused it.
        """
        try:
            return self.client.search(index=index, body=body)
        except NotFoundError as error:
            raise SearchUnavailable("Search is not ready yet: its index has not been built.") from error
        except TransportError as error:
            if isinstance(error.status_code, int) and error.status_code < 500:
                logger.exception("The search cluster refused a query of ours")
            else:
                logger.warning("The search cluster did not answer: %s", error)
            raise SearchUnavailable() from error

    def search(self, *, tree, locale_id, language, text, filters, offset, limit):
        return ClusterFound(self, tree, locale_id, language, text, filters, offset, limit)

    def suggest(self, *, tree, locale_id, tokens, limit):
        visible = queries.visibility(locale_id, hidden_ids(tree, locale_id))
        answer = self.read(
            self.alias(tree.locale_codes[locale_id]), queries.suggest_body(tokens, visible=visible, limit=limit)
        )
        sources = [hit["_source"] for hit in answer["hits"]["hits"]]
        return [{**source, "url_path": url_path} for source, url_path in answers.shown(tree, sources)]

    # Writing

    def index_page(self, page_id):
        page = Page.objects.filter(pk=page_id).select_related("locale").first()
        page = page.specific if page is not None else None
        if page is not None and not indexing.searchable(type(page)):
            return  # a home or an index page: never in the index, and no round trip to the cluster to say so
        if page is None or not page.live:
            self.remove_page(page_id)
            return
        language = page.locale.language_code
        source = document(page, content_types.for_model(type(page)).kind)
        # Robust: the publish has committed, so a cluster that fails now is logged, not shown to the editor
        # as a failed publish; the page is then missing from search until its next publish or a rebuild.
        transaction.on_commit(lambda: self._write(language, page_id, source), robust=True)

    def _write(self, language, page_id, source):
        actions = [{"index": {"_index": self.alias(language), "_id": page_id}}, source]
        try:
            self._bulk(actions, refresh="wait_for", require_alias=True)
        except ClusterError as error:
            if "index_not_found_exception" not in str(error):
                raise
            # Published before the first `update_index`: start the language's index empty, the rebuild fills it.
            self._create_first_index(language)
            self._bulk(actions, refresh="wait_for", require_alias=True)
        bump_content_version()

    def _create_first_index(self, language):
        name = self.alias(language)
        try:
            self.client.indices.create(index=f"{name}-first", body={**index_body(language), "aliases": {name: {}}})
        except RequestError as error:
            if error.error != "resource_already_exists_exception":  # another process was quicker
                raise

    def remove_page(self, page_id):
        languages = Locale.objects.order_by("pk").values_list("language_code", flat=True)
        self._bulk(
            [{"delete": {"_index": self.alias(language), "_id": page_id}} for language in languages], refresh="wait_for"
        )

    def _bulk(self, actions, **params):
        """POST /_bulk; raises ClusterError for any failed action except deleting what is not there."""
        answer = self.client.bulk(body=actions, **params)
        failures = [
            result
            for item in answer["items"]
            for operation, result in item.items()
            if "error" in result and not (operation == "delete" and result.get("status") == 404)
        ]
        if failures:
            raise ClusterError(f"{len(failures)} of {len(answer['items'])} writes failed, the first: {failures[0]}")

    def rebuild(self, log=None):
        """Fill a new index per language from the live pages, then move each alias onto it and drop the old one.

        A page published while this runs is written to the old index and may be
        missing from the new one: run it again, or while editors rest.
        """
        stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
        languages = list(Locale.objects.order_by("pk").values_list("language_code", flat=True))
        names = {language: f"{self.alias(language)}-{stamp}" for language in languages}
        for language, name in names.items():
            self.client.indices.create(index=name, body=index_body(language))
        total = 0
        for model, pages in indexing.live_pages():
            kind = content_types.for_model(model).kind
            batch = []
            for page in pages:
                batch += [{"index": {"_index": names[page.locale.language_code], "_id": page.pk}}, document(page, kind)]
                total += 1
                if len(batch) == 2 * indexing.BATCH:
                    self._bulk(batch)
                    batch = []
            if batch:
                self._bulk(batch)
            if log:
                log(f"{model._meta.label}: indexed")
        self.client.indices.refresh(index=",".join(names.values()))
        for language, name in names.items():
            self._move_alias(self.alias(language), name)
        # Search answers cached before the rebuild may be wrong now; the next request renders afresh.
        bump_content_version()
        return total

    def _move_alias(self, name, index):
        found = self.client.indices.get_alias(name=name, ignore=404)
        previous = [] if found.get("status") == 404 else list(found)
        actions = [{"remove": {"index": old, "alias": name}} for old in previous]
        self.client.indices.update_aliases(body={"actions": [*actions, {"add": {"index": index, "alias": name}}]})
        for old in previous:
            self.client.indices.delete(index=old)
