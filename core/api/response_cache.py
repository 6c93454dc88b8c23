"""The API's stored answers: rendered once per content version and URL, then served with validators and 304s.

An answer is stored under its absolute URL with the content version it was
rendered under (`core.api.cache`), and is current only while that version is;
a hit costs one Redis round trip (`count_and_lookup`), its body mostly kept
in the process that served it last (`RecentBodies`).
"""

import hashlib
import threading

from cachetools import LRUCache
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from core.api.cache import VERSION_KEY, content_version
from core.caches import FAULTS

#: Stored answers' content type when their headers do not name one: the API's.
JSON = "application/json"
#: The headers of an answer that no other site may frame: everything but the widgets.
NOT_FRAMED = (("X-Frame-Options", "DENY"),)


def last_modified_header(state):
    return http_date(state[1])


def request_url(request):
    """What a stored answer is kept under: scheme, host and the full path.

    Answers hold absolute links built from the request (`next`, `api_url`, a
    feed's own URL), so an answer rendered for one host must never be served
    to a client of another.
    """
    return f"{request.scheme}://{request.get_host()}{request.get_full_path()}"


def response_key(url):
    """Stored responses are keyed by absolute URL; each entry records the content version it was rendered under."""
    digest = hashlib.sha1(url.encode(), usedforsecurity=False).hexdigest()
    return f"a4b:response:{digest}"


def tag_key(url):
    """Beside each stored response, its (content version, ETag, headers) alone: what a cache hit needs."""
    return response_key(url) + ":tag"


def lookup(url):
    """((version, modified), stored (body, etag, headers) or None) in one cache round trip."""
    key = response_key(url)
    found = cache.get_many([VERSION_KEY, key])
    return _current(found.get(VERSION_KEY), found.get(key))


def _current(state, stored):
    """((version, modified), (body, etag, headers) or None): the stored entry only if rendered under this version."""
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


class Doorkeeper:
    """URLs this process was asked for lately, so that an answer is stored on its second request.

    For endpoints whose URLs are mostly one-offs (a search's free text): a
    flood of distinct queries then stores nothing in the shared cache, while a
    query asked again is kept for every client after. Bounded, least recent
    out first, as the URLs are the clients'.
    """

    def __init__(self, size):
        self.seen = LRUCache(maxsize=size)
        self.lock = threading.Lock()

    def asked_again(self, url):
        key = hashlib.sha1(url.encode(), usedforsecurity=False).digest()
        with self.lock:
            if key in self.seen:
                return True
            self.seen[key] = True
            return False


asked_before = Doorkeeper(size=10_000)


def store(url, state, body, headers=NOT_FRAMED, keep=True):
    """Keep a rendered body under the content version `state`; returns (body, strong etag, headers).

    `headers` are the (name, value) pairs sent with it, its Content-Type
    among them unless it is JSON. With `keep` false the answer gets its validators
    but is not stored: one a client is unlikely to ask for again.
    """
    entry = (body, '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest() + '"', tuple(headers))
    if settings.API_CACHE_TIMEOUT and keep:
        key = response_key(url)
        cache.set_many(
            {key: (state[0], *entry), tag_key(url): (state[0], *entry[1:])}, timeout=settings.API_CACHE_TIMEOUT
        )
        recent_bodies.keep(entry[1], body)
    return entry


def stored_body(url, etag):
    """The body whose strong ETag is `etag`, from this process or the shared cache; None if it is gone."""
    body = recent_bodies.get(etag)
    if body is None:
        stored = cache.get(response_key(url))
        if stored is None or stored[2] != etag:
            return None
        body = stored[1]
        recent_bodies.keep(etag, body)
    return body


def conditional_response(request, state, entry, load_body=None):
    """The stored body with its validators, or a 304 when the client's copy is current.

    `entry` is (body, etag, headers). With `load_body`, the body may be
    None: it is loaded only when the answer is not a 304, and None is
    returned if it can no longer be loaded.
    """
    body, etag, headers = entry
    response = HttpResponse(content_type=JSON)
    for name, value in headers:
        response[name] = value
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


def count_and_lookup(window, url):
    """The throttle increment, the content version and the stored response's tag in one Redis round trip.

    (count, (version, modified), (etag, headers) or None). On this machine a Redis round
    trip costs about as much as a whole trivial Django view, so a cache hit
    makes one, and fetches no body: `stored_body()` finds it in this process
    unless it is new here. Other cache backends, and Redis while it is not
    answering, make the calls one by one (None here).
    """
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    outage = getattr(cache, "outage", None)
    if get_client is None or outage is None or not outage.may_try():
        return None
    window_key = cache.make_key(window.key)
    try:
        count, _expiry, (raw_state, raw_tag) = _round_trip(
            get_client(write=True),
            [
                ("INCR", window_key),
                ("EXPIRE", window_key, window.period + 1, "NX"),
                ("MGET", cache.make_key(VERSION_KEY), cache.make_key(tag_key(url))),
            ],
        )
    except FAULTS as error:
        outage.failed(error)
        return None
    outage.succeeded()
    decode = cache.client.decode
    state = content_version(decode(raw_state) if raw_state is not None else None)
    tag = decode(raw_tag) if raw_tag is not None else None
    current = tag is not None and settings.API_CACHE_TIMEOUT and tag[0] == state[0]
    return count, state, tag[1:] if current else None


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
