"""One content version for the whole public API, bumped whenever published content may have changed.

Cached API responses are keyed by this version, so a publish, unpublish, move,
delete or privacy change anywhere is visible on the very next request, in every
worker, without tracking which response depended on which object. Over-
invalidating on an editor's draft save costs one cache miss; under-
invalidating would serve stale or leaked content, so we err on the first side.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.utils.http import http_date

VERSION_KEY = "a4b:api:content-version"


def content_version(state=None):
    """(version, last-modified epoch seconds); starts a new version if the cache was flushed.

    `state` is the value already read from the cache, when the caller fetched it
    together with other keys in one round trip.
    """
    state = state or cache.get(VERSION_KEY)
    if state is None:
        state = _new_state()
        cache.add(VERSION_KEY, state, timeout=None)
        state = cache.get(VERSION_KEY) or state
    return state


def _new_state():
    now = time.time()
    return (f"{now:.6f}", int(now))


def bump_content_version(**kwargs):
    """Start a new content version now and again after the transaction commits.

    The second bump closes the window in which a concurrent request could cache
    the old state under the new version while the change was still uncommitted.
    """
    cache.set(VERSION_KEY, _new_state(), timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, _new_state(), timeout=None))


def last_modified_header(state):
    return http_date(state[1])
