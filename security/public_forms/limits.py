"""Rate limits of the public forms: fixed windows on the shared cache, as the API's throttle counts.

A form names its limits (`Limit("enquiry-address", rate, key)`); each is one counter
per key and window. While the shared cache is away each process counts on its own
(core.api.throttling.count_locally), so a limit loosens, it never falls away.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache
from rest_framework.throttling import SimpleRateThrottle

from core.api.throttling import count_locally
from core.caches import CacheUnavailable


@dataclass(frozen=True)
class Limit:
    #: What is counted ("enquiry-address"); part of the cache key.
    scope: str
    #: "N/second|minute|hour|day", as the API's throttle rate.
    rate: str
    #: Whose count it is: an address, a practice id.
    key: str

    def hit(self):
        """Count one more: (allowed, seconds until the window ends)."""
        limit, period = SimpleRateThrottle.parse_rate(None, self.rate)
        now = time.time()
        window = int(now // period)
        cache_key = f"a4b:form-limit:{self.scope}:{self.key}:{period}:{window}"
        retry_after = max(1, int((window + 1) * period - now + 0.999))
        try:
            count = 1 if cache.add(cache_key, 1, timeout=period + 1) else cache.incr(cache_key)
        except ValueError:  # the window ended between add and incr: a new one starts with this form
            count = 1
        except CacheUnavailable:
            count = count_locally(cache_key)
        return count <= limit, retry_after
