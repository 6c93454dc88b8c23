"""One content version for the whole public API, bumped whenever published content may have changed.

Cached API responses are keyed by this version, so a publish, unpublish, move,
delete or privacy change anywhere is visible on the very next request, in every
worker, without tracking which response depended on which object. Over-
invalidating on an editor's draft save costs one cache miss; under-
invalidating would serve stale or leaked content, so we err on the first side.

Here: the version, its keys in the shared cache, and what is kept per version
in each process (`PerVersion`). The stored answers themselves are in
`core.api.response_cache`.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction

from core.caches import outage

VERSION_KEY = "a4b:api:content-version"
#: With a read replica: (version, the primary's WAL position when the version started), see core/replicas.py.
POSITION_KEY = "a4b:api:content-position"


def content_version(state=None):
    """(version, last-modified epoch seconds); starts a new version if the cache was flushed.

    `state` is the value already read from the cache, when the caller fetched it
    together with other keys in one round trip.
    """
    state = state or cache.get(VERSION_KEY)
    if state is None:
        state = _new_state()
        # A cache that cannot keep the version (Redis away) answers with a new one every time:
        # nothing kept per version is then reused, everything is read from the database.
        cache.add(VERSION_KEY, state, timeout=None)
        state = cache.get(VERSION_KEY) or state
    return state


def _new_state():
    now = time.time()
    return (f"{now:.6f}", int(now))


class PerVersion:
    """A value derived from public content, built once per content version in each process.

    Any change to public content renews the version, so a kept value is never
    stale: this only spares rebuilding the same thing on every response.
    """

    def __init__(self, build):
        self.build = build
        self.kept = (None, None)

    def get(self, version=None):
        version = version or content_version()[0]
        kept_version, value = self.kept
        if kept_version != version:
            value = self.build()
            self.kept = (version, value)
        return value


def bump_content_version(**kwargs):
    """Start a new content version now and again after the transaction commits.

    The second bump closes the window in which a concurrent request could cache
    the old state under the new version while the change was still uncommitted.
    It is queued once per transaction: a publish saves the page and its
    translations' rows, and each would otherwise queue its own. (A rolled-back
    savepoint drops its queued bump, and the next change queues a new one.)
    The bump now is kept for every change: the transaction itself reads its own
    writes under a new version.
    """
    _store_new_state()
    connection = transaction.get_connection()
    queued = connection.in_atomic_block and any(
        callback is _renew_after_commit for _savepoints, callback, _robust in connection.run_on_commit
    )
    if not queued:
        transaction.on_commit(_renew_after_commit)


def _renew_after_commit():
    _store_new_state()


def _renew_after_outage():
    """A publish made while the shared cache was away could not renew the version: renew it now."""
    _store_new_state()


def _store_new_state():
    """Start a new content version; with a replica, record where the primary's WAL stood when it started.

    The insert position is past every write made so far, committed ones
    included, so a replica that replayed up to it holds this version's content.
    """
    state = _new_state()
    values = {VERSION_KEY: state}
    if "replica" in settings.DATABASES:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_insert_lsn()::text")
            values[POSITION_KEY] = (state[0], cursor.fetchone()[0])
    cache.set_many(values, timeout=None)


outage.recovered.append(_renew_after_outage)
