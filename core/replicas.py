"""Reads from a PostgreSQL replica, only where they cannot be stale.

A streaming replica lags its primary by milliseconds to seconds. An answer
rendered from a lagging replica and stored under the new content version
would be served stale for as long as answers are kept, so the replica answers
only anonymous GETs of the public site (the API, widgets, feeds, oEmbed, the
fallback pages) and only once it has replayed the write that started the
current content version. Everything else reads the primary: the admin and any
request with a session, writes, previews, tasks and commands (no request at
all), reads inside a transaction, and the models that are written and read
back within one request (revisions, workflow states, the reference index,
tags, search entries, sessions, tasks, webhooks, sign-in records).

Without DATABASE_REPLICA_URL there is no "replica" alias and none of this
runs: the router is not installed.
"""

import contextvars
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections

from core.api.cache import POSITION_KEY, VERSION_KEY

logger = logging.getLogger(__name__)

PRIMARY, REPLICA = "default", "replica"
#: Seconds the replica is left alone after it failed to answer.
RETRY_AFTER = 5.0
#: Read back within one request after being written, so never from a replica.
PRIMARY_ONLY_APPS = {"sessions", "django_tasks_db", "webhooks", "axes", "admin", "wagtailadmin"}
PRIMARY_ONLY_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.referenceindex",
    "wagtailcore.pagelogentry",
    "wagtailsearch.indexentry",
    "taggit.taggeditem",
}
#: Anonymous GETs of these paths may read the replica.
PUBLIC_PREFIXES = ("/api/v2/", "/embed/", "/feeds/", "/oembed")
NOT_PUBLIC_PREFIXES = ("/api/v2/preview",)


def replica_configured():
    return REPLICA in settings.DATABASES


class ReplicaState:
    """This process's knowledge of the replica: which content version it was seen to have, and outages."""

    def __init__(self):
        self.fresh_version = None
        self.down_until = 0.0

    def reachable(self):
        return time.monotonic() >= self.down_until

    def failed(self, error):
        first = self.down_until == 0.0
        self.down_until = time.monotonic() + RETRY_AFTER
        if first:
            logger.error("Replica unreachable (%s); reading the primary.", error.__class__.__name__)

    def answered(self):
        if self.down_until:
            self.down_until = 0.0
            logger.warning("Replica reachable again.")


replica_state = ReplicaState()


class RequestReads:
    """One public request's choice of database, made at its first read (cached answers never make it)."""

    def __init__(self):
        self.choice = None

    def database(self):
        if self.choice is None:
            self.choice = REPLICA if self.replica_is_current() else PRIMARY
        return self.choice

    def replica_is_current(self):
        """Whether the replica has replayed the write that started the current content version.

        The position is recorded with each new version (core.api.cache); a
        version without one (the cache was flushed) is served by the primary.

        Asked of the replica once per process per version; a replica that
        does not answer is left alone for RETRY_AFTER seconds.
        """
        if not replica_state.reachable():
            return False
        found = cache.get_many([VERSION_KEY, POSITION_KEY])
        state, position = found.get(VERSION_KEY), found.get(POSITION_KEY)
        if state is None or position is None or position[0] != state[0]:
            return False
        replica = connections[REPLICA]
        try:
            # A kept connection to a replica that went away is found out here, not at the request's query.
            replica.close_if_health_check_failed()
            replica.ensure_connection()
            if replica_state.fresh_version == state[0]:
                return True
            with replica.cursor() as cursor:
                cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position[1]])
                (caught_up,) = cursor.fetchone()
        except DatabaseError as error:
            replica_state.failed(error)
            return False
        replica_state.answered()
        if caught_up:
            replica_state.fresh_version = state[0]
        return bool(caught_up)


_request_reads = contextvars.ContextVar("a4b_request_reads", default=None)


def read_database(model=None):
    """The alias a read should use now (the router's answer; raw SQL asks it too)."""
    reads = _request_reads.get()
    if reads is None or connections[PRIMARY].in_atomic_block:
        return PRIMARY
    if model is not None:
        meta = model._meta
        if meta.app_label in PRIMARY_ONLY_APPS or meta.label_lower in PRIMARY_ONLY_MODELS:
            return PRIMARY
    return reads.database()


class ReplicaRouter:
    """Writes and migrations to the primary; reads where `read_database()` says."""

    def db_for_read(self, model, **hints):
        return read_database(model)

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


def may_read_replica(request):
    """An anonymous GET of the public site, with no session to read its own writes through."""
    path = request.path
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and path.startswith(PUBLIC_PREFIXES)
        and not path.startswith(NOT_PUBLIC_PREFIXES)
    )


class ReplicaReadsMiddleware:
    """Lets the public site's anonymous reads use the replica for the length of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_read_replica(request):
            return self.get_response(request)
        reads = RequestReads()
        token = _request_reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _request_reads.reset(token)
        if settings.DATABASE_READ_HEADER and reads.choice is not None:
            response["X-A4B-Database"] = "replica" if reads.choice == REPLICA else "primary"
        return response
