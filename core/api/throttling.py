"""Anonymous rate limits on the public API, widgets and feeds: one counter per client address.

The client is the address that the last `NUM_PROXIES` trusted proxies saw,
read from X-Forwarded-For by DRF's own rule, never the header as a whole:
with no trusted proxy (the default) the header is ignored, so a client cannot
rotate it to start a new window on every request.
"""

import ipaddress
import threading
import time

from cachetools import LRUCache
from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from core.api.request_state import request_state
from core.caches import CacheUnavailable

_ident = BaseThrottle()
#: Windows counted in this process while the shared cache is away; bounded, as addresses are the clients'.
_local_windows = LRUCache(maxsize=10_000)
_local_lock = threading.Lock()


def client_address(request):
    """The rate-limited client: DRF's address behind NUM_PROXIES, an IPv6 client by its /64 network.

    One IPv6 host is usually given a whole /64, so counting its addresses one
    by one would give it 2**64 windows. An entry that is not an address (a
    proxy count larger than the real chain lets the client write it) falls
    back to the peer's address.
    """
    raw = _ident.get_ident(request)
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR") or "0.0.0.0")
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class Window:
    """The client's current fixed window: its counter key, the limit and when it ends."""

    def __init__(self, ident):
        self.limit, self.period = SimpleRateThrottle.parse_rate(None, settings.API_THROTTLE_RATE)
        now = time.time()
        window = int(now // self.period)
        self.key = f"a4b:throttle:{ident}:{self.period}:{window}"
        self.retry_after = max(1, int((window + 1) * self.period - now + 0.999))

    def record(self, request, count):
        """(allowed, retry after) for the request's `count`, kept in its state for the DRF throttle."""
        state = request_state(request)
        state.throttle = (count <= self.limit, self.retry_after)
        return state.throttle


def count_request(request, ident):
    """Count this request against its client's window: (allowed, seconds until the window ends).

    Counted once per request: the fast path for cached responses and the DRF
    throttle share the result kept in its `request_state()`. While the shared cache
    is away each process counts on its own, so a client gets at most the
    limit per process, not an open door.
    """
    counted = request_state(request).throttle
    if counted is not None:
        return counted
    window = Window(ident)
    try:
        try:
            count = cache.incr(window.key)
        except ValueError:
            count = 1 if cache.add(window.key, 1, timeout=window.period + 1) else cache.incr(window.key)
    except CacheUnavailable:
        count = count_locally(window.key)
    return window.record(request, count)


def count_locally(key):
    with _local_lock:
        count = _local_windows.get(key, 0) + 1
        _local_windows[key] = count
    return count


class AnonymousRateThrottle(BaseThrottle):
    """Per-client-address rate limit on the Django cache (Redis in production), API_THROTTLE_RATE.

    A fixed-window counter: one atomic increment per request, where DRF's
    sliding-window throttles read and rewrite a list of timestamps (two round
    trips and a growing value). Cached answers count too.
    """

    def allow_request(self, request, view):
        allowed, self.retry_after = count_request(request._request, client_address(request))
        return allowed

    def wait(self):
        return self.retry_after
