"""One content version for the whole public API, bumped whenever published content may have changed.

Cached API responses are keyed by this version, so a publish, unpublish, move,
delete or privacy change anywhere is visible on the very next request, in every
worker, without tracking which response depended on which object. Over-
invalidating on an editor's draft save costs one cache miss; under-
invalidating would serve stale or leaked content, so we err on the first side.
"""

import hashlib
import time

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


def store(full_path, state, body):
    """Keep a rendered body under the content version `state`; returns (body, strong etag)."""
    entry = (body, '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest() + '"')
    if settings.API_CACHE_TIMEOUT:
        cache.set(response_key(full_path), (state[0], *entry), timeout=settings.API_CACHE_TIMEOUT)
    return entry


def conditional_response(request, state, entry):
    """The stored body with its validators, or a 304 when the client's copy is current."""
    body, etag = entry
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Last-Modified"] = last_modified_header(state)
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return get_conditional_response(request, etag=etag, last_modified=state[1], response=response)


def count_and_lookup(window, full_path):
    """The throttle increment and `lookup()` in one Redis round trip; (count, state, stored).

    On this machine a Redis round trip costs about as much as a whole trivial
    Django view, so the fast path pipelines them. Other cache backends make the
    calls one by one.
    """
    key = response_key(full_path)
    client = getattr(getattr(cache, "client", None), "get_client", None)
    if client is None:
        return None
    pipe = client(write=True).pipeline(transaction=False)
    pipe.incr(cache.make_key(window.key))
    pipe.expire(cache.make_key(window.key), window.period + 1, nx=True)
    pipe.mget([cache.make_key(VERSION_KEY), cache.make_key(key)])
    count, _expiry, (raw_state, raw_stored) = pipe.execute()
    decode = cache.client.decode
    state, stored = _current(
        decode(raw_state) if raw_state is not None else None, decode(raw_stored) if raw_stored is not None else None
    )
    return count, state, stored
