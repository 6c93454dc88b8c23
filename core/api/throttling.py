import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle


class AnonymousRateThrottle(BaseThrottle):
    """Per-client-address rate limit on the Django cache (Redis in production), API_THROTTLE_RATE.

    A fixed-window counter: one atomic increment per request, where DRF's
    sliding-window throttles read and rewrite a list of timestamps (two round
    trips and a growing value). It is checked before the response cache, so
    cached answers count too.
    """

    def allow_request(self, request, view):
        limit, period = SimpleRateThrottle.parse_rate(None, settings.API_THROTTLE_RATE)
        now = time.time()
        window = int(now // period)
        key = f"a4b:throttle:{self.get_ident(request)}:{period}:{window}"
        try:
            count = cache.incr(key)
        except ValueError:
            count = 1 if cache.add(key, 1, timeout=period + 1) else cache.incr(key)
        self.retry_after = max(1, int((window + 1) * period - now + 0.999))
        return count <= limit

    def wait(self):
        return self.retry_after
