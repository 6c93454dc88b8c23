"""Keeps the search index and the cached search answers in step with publishing and the place-name list."""

from django.db.models.signals import post_delete, post_save

from core.api.cache import bump_content_version
from core.publishing import on_publishing
from search import engines
from search.models import PlaceName
from search.tasks import update_page_index


def _reindex(instance):
    # The task reads the page's state when it runs: a queued task that runs after a
    # later change still indexes what is live then.
    update_page_index.enqueue(instance.pk)


def _remove(instance):
    # At once, not in a task: an unpublished page must not stay findable while a
    # worker is busy, and when a live page is deleted Wagtail sends this signal
    # before the page is gone from the database (a task reading it would re-index it).
    engines.current().remove_page(instance.pk)


def connect():
    # First after a publish: the index is asked to change before webhooks tell anyone (core.publishing).
    on_publishing("search index", 10, published=_reindex, unpublished=_remove)
    # Place names are not pages or translatable snippets, so core.signals does not watch them;
    # search answers cached under the old list must go when it changes.
    post_save.connect(bump_content_version, sender=PlaceName, dispatch_uid="a4b-search-place-save")
    post_delete.connect(bump_content_version, sender=PlaceName, dispatch_uid="a4b-search-place-delete")
