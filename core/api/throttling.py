import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle


class Window:
    """The client's current fixed window: its counter key, the limit and when it ends."""

    def __init__(self, ident):
        self.limit, self.period = SimpleRateThrottle.parse_rate(None, settings.API_THROTTLE_RATE)
        now = time.time()
        window = int(now // self.period)
        self.key = f"a4b:throttle:{ident}:{self.period}:{window}"
        self.retry_after = max(1, int((window + 1) * self.period - now + 0.999))

    def record(self, request, count):
        request._a4b_throttle = (count <= self.limit, self.retry_after)
        return request._a4b_throttle


def count_request(request, ident):
    """Count this request against its client's window: (allowed, seconds until the window ends).

    Counted once per request: the fast path for cached responses and the DRF
    throttle share the result stored on the request.
    """
    if hasattr(request, "_a4b_throttle"):
        return request._a4b_throttle
    window = Window(ident)
    try:
        count = cache.incr(window.key)
    except ValueError:
        count = 1 if cache.add(window.key, 1, timeout=window.period + 1) else cache.incr(window.key)
    return window.record(request, count)


class AnonymousRateThrottle(BaseThrottle):
    """Per-client-address rate limit on the Django cache (Redis in production), API_THROTTLE_RATE.

    A fixed-window counter: one atomic increment per request, where DRF's
    sliding-window throttles read and rewrite a list of timestamps (two round
    trips and a growing value). Cached answers count too.
    """

    def allow_request(self, request, view):
        allowed, self.retry_after = count_request(request._request, self.get_ident(request))
        return allowed

    def wait(self):
        return self.retry_after
