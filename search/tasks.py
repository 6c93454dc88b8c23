"""Index updates as django-tasks tasks: run at once by the immediate backend, or by a worker if one is set up."""

from django_tasks import task

from search import engines


@task()
def update_page_index(page_id):
    """Index page `page_id` as it is live now, or drop it from the index (unpublished, deleted, not searchable)."""
    engines.current().index_page(page_id)
