"""One content version for the whole public API, bumped whenever published content may have changed.

Cached API responses are keyed by this version, so a publish, unpublish, move,
delete or privacy change anywhere is visible on the very next request, in every
worker, without tracking which response depended on which object. Over-
invalidating on an editor's draft save costs one cache miss; under-
invalidating would serve stale or leaked content, so we err on the first side.
"""

import hashlib
import threading
import time

from cachetools import LRUCache
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
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
    """
    cache.set(VERSION_KEY, _new_state(), timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, _new_state(), timeout=None))


def last_modified_header(state):
    return http_date(state[1])


def response_key(full_path):
    """Stored responses are keyed by URL; each entry records the content version it was rendered under."""
    digest = hashlib.sha1(full_path.encode(), usedforsecurity=False).hexdigest()
    return f"a4b:api:response:{digest}"


def tag_key(full_path):
    """Beside each stored response, its (content version, ETag) alone: what a cache hit needs to decide."""
    return response_key(full_path) + ":tag"


def lookup(full_path):
    """((version, modified), stored (body, etag) or None) in one cache round trip."""
    key = response_key(full_path)
    found = cache.get_many([VERSION_KEY, key])
    return _current(found.get(VERSION_KEY), found.get(key))


def _current(state, stored):
    """((version, modified), (body, etag) or None): the stored entry only if rendered under this version."""
    state = content_version(state)
    if stored is not None and settings.API_CACHE_TIMEOUT and stored[0] == state[0]:
        return state, stored[1:]
    return state, None


class RecentBodies:
    """Response bodies this process served lately, by strong ETag, up to `limit` bytes, least recent out first.

    A strong ETag is a hash of the body, so an entry is never stale and serves
    every URL whose body is the same; whether a URL's stored response is still
    current is decided in the shared cache, by its content version. Keeping the
    body here spares moving it out of Redis on every hit, which cost about a
    third of a hit's whole Redis round trip for a list of 20.
    """

    def __init__(self, limit):
        self.limit = limit
        self.items = LRUCache(maxsize=limit, getsizeof=len)
        self.lock = threading.Lock()

    @property
    def size(self):
        """Bytes kept."""
        return self.items.currsize

    def get(self, etag):
        with self.lock:
            return self.items.get(etag)

    def keep(self, etag, body):
        with self.lock:
            if etag not in self.items and len(body) <= self.limit:
                self.items[etag] = body


recent_bodies = RecentBodies(limit=32 * 1024 * 1024)


def store(full_path, state, body):
    """Keep a rendered body under the content version `state`; returns (body, strong etag)."""
    entry = (body, '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest() + '"')
    if settings.API_CACHE_TIMEOUT:
        key = response_key(full_path)
        cache.set_many(
            {key: (state[0], *entry), tag_key(full_path): (state[0], entry[1])}, timeout=settings.API_CACHE_TIMEOUT
        )
        recent_bodies.keep(entry[1], body)
    return entry


def stored_body(full_path, etag):
    """The body whose strong ETag is `etag`, from this process or the shared cache; None if it is gone."""
    body = recent_bodies.get(etag)
    if body is None:
        stored = cache.get(response_key(full_path))
        if stored is None or stored[2] != etag:
            return None
        body = stored[1]
        recent_bodies.keep(etag, body)
    return body


def conditional_response(request, state, entry, load_body=None):
    """The stored body with its validators, or a 304 when the client's copy is current.

    `entry` is (body, etag). With `load_body`, the body may be None: it is
    loaded only when the answer is not a 304, and None is returned if it can
    no longer be loaded.
    """
    body, etag = entry
    response = HttpResponse(content_type="application/json")
    response["ETag"] = etag
    response["Last-Modified"] = last_modified_header(state)
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    answer = get_conditional_response(request, etag=etag, last_modified=state[1], response=response)
    if answer is response:
        body = body if body is not None else load_body()
        if body is None:
            return None
        response.content = body
        # Set here because a cache hit skips CommonMiddleware, which sets it for rendered responses:
        # without it gunicorn sends the body chunked.
        response["Content-Length"] = str(len(body))
    return answer


def count_and_lookup(window, full_path):
    """The throttle increment, the content version and the stored response's ETag in one Redis round trip.

    (count, (version, modified), etag or None). On this machine a Redis round
    trip costs about as much as a whole trivial Django view, so a cache hit
    makes one, and fetches no body: `stored_body()` finds it in this process
    unless it is new here. Other cache backends make the calls one by one.
    """
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    if get_client is None:
        return None
    window_key = cache.make_key(window.key)
    count, _expiry, (raw_state, raw_tag) = _round_trip(
        get_client(write=True),
        [
            ("INCR", window_key),
            ("EXPIRE", window_key, window.period + 1, "NX"),
            ("MGET", cache.make_key(VERSION_KEY), cache.make_key(tag_key(full_path))),
        ],
    )
    decode = cache.client.decode
    state = content_version(decode(raw_state) if raw_state is not None else None)
    tag = decode(raw_tag) if raw_tag is not None else None
    current = tag is not None and settings.API_CACHE_TIMEOUT and tag[0] == state[0]
    return count, state, tag[1] if current else None


def _round_trip(client, commands):
    """The replies to `commands`, sent together on one of the client's pooled connections.

    What redis-py's pipeline does, without its per-command bookkeeping, which
    cost more than the round trip itself here. A connection left with unread
    replies by an error is dropped, not returned to the pool.
    """
    pool = client.connection_pool
    connection = pool.get_connection()
    try:
        connection.send_packed_command(connection.pack_commands(commands))
        return [connection.read_response() for _command in commands]
    except BaseException:
        connection.disconnect()
        raise
    finally:
        pool.release(connection)
