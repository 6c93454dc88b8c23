"""What publishing (or unpublishing) a page sets off, in one stated order.

There were three `page_published` receivers, in `core`, `search` and
`webhooks`, and they ran in the order of `INSTALLED_APPS`: nobody could tell
from the code whether webhooks went out before the search index was asked to
change. Now each app registers its step here with its place in the order, and
one receiver runs them:

1. the apps' steps, by `order` (the search index at 10, the webhook deliveries at 20);
2. the content version, renewed last (`bump_content_version`, once per transaction).

The search index is brought up to date by a task (`search.tasks.update_page_index`), which
renews the version again when it has indexed the page, so cached search answers follow.
"""

from dataclasses import dataclass

from wagtail.signals import page_published, page_unpublished

from core.api.cache import bump_content_version


@dataclass(frozen=True)
class Step:
    name: str
    order: int
    published: object
    unpublished: object


_steps = []


def on_publishing(name, order, *, published, unpublished):
    """Run `published(page)` after every page publish and `unpublished(page)` after every unpublish."""
    if any(step.name == name for step in _steps):
        raise ValueError(f"a publishing step named {name!r} is registered already")
    _steps.append(Step(name, order, published, unpublished))
    _steps.sort(key=lambda step: step.order)


def steps():
    return list(_steps)


def _after_publish(sender, instance, **kwargs):
    for step in _steps:
        step.published(instance)
    bump_content_version()


def _after_unpublish(sender, instance, **kwargs):
    for step in _steps:
        step.unpublished(instance)
    bump_content_version()


def connect():
    page_published.connect(_after_publish, dispatch_uid="a4b-publish-fan-out")
    page_unpublished.connect(_after_unpublish, dispatch_uid="a4b-unpublish-fan-out")
