"""The Redis cache backend, made to fail soft: a lost Redis slows the portal down, it does not take it down.

Everything the cache holds here can be rebuilt from the database (rendered
responses, counts, the public tree) or may be forgotten (rate-limit windows).
So when Redis stops answering, reads miss, writes are dropped and the portal
serves from the database, instead of every public route answering 500.

One failure opens a circuit for `RETRY_AFTER` seconds, process-wide: requests
in that time do not wait on a dead server at all, and the fault is logged
once, not once per request. The first call after that tries Redis again.
When it answers, the content version is renewed: a publish made while Redis
was away could not renew it, and a response stored before the outage must
not be served as current after it.
"""

import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: Seconds between attempts to reach a cache that failed.
RETRY_AFTER = 5.0
#: What django-redis lets through when Redis is unreachable, refuses a write (out of memory) or times out.
FAULTS = (RedisError, ConnectionInterrupted, OSError)


class CacheUnavailable(Exception):
    """An atomic counter was asked of a cache that is not answering: the caller counts some other way."""


class Outage:
    """Whether the shared cache is answering, as this process last saw it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = None
        self.recovered = []

    @property
    def down(self):
        return self.down_until is not None

    def may_try(self):
        down_until = self.down_until
        return down_until is None or time.monotonic() >= down_until

    def failed(self, error):
        with self.lock:
            first = self.down_until is None
            self.down_until = time.monotonic() + RETRY_AFTER
        if first:
            logger.error(
                "Cache unreachable (%s: %s); serving from the database, uncached, until it answers.",
                error.__class__.__name__,
                error.__cause__ or error,
            )

    def succeeded(self):
        if self.down_until is None:
            return
        with self.lock:
            if self.down_until is None:
                return
            self.down_until = None
        logger.warning("Cache reachable again; responses stored before the outage are dropped.")
        for callback in self.recovered:
            callback()


outage = Outage()


def _fail_soft(name, fallback=None, raises=None):
    method = getattr(RedisCache, name)

    def guarded(self, *args, **kwargs):
        if not outage.may_try():
            if raises:
                raise raises
            return fallback() if callable(fallback) else fallback
        try:
            result = method(self, *args, **kwargs)
        except FAULTS as error:
            outage.failed(error)
            if raises:
                raise raises from error
            return fallback() if callable(fallback) else fallback
        outage.succeeded()
        return result

    guarded.__name__ = name
    guarded.__doc__ = method.__doc__
    return guarded


class FailSoftRedisCache(RedisCache):
    """django-redis's cache whose every operation degrades to a miss or a no-op while Redis is away.

    `incr` and `decr` raise `CacheUnavailable` instead: a counter that
    silently answered nothing would let a caller believe it had counted.
    """

    outage = outage

    get_many = _fail_soft("get_many", dict)
    set = _fail_soft("set", False)
    set_many = _fail_soft("set_many", list)
    add = _fail_soft("add", False)
    delete = _fail_soft("delete", False)
    delete_many = _fail_soft("delete_many", 0)
    has_key = _fail_soft("has_key", False)
    touch = _fail_soft("touch", False)
    clear = _fail_soft("clear", None)
    incr = _fail_soft("incr", raises=CacheUnavailable)
    decr = _fail_soft("decr", raises=CacheUnavailable)

    def get(self, key, default=None, version=None, client=None):
        if not outage.may_try():
            return default
        try:
            value = super().get(key, default, version, client)
        except FAULTS as error:
            outage.failed(error)
            return default
        outage.succeeded()
        return value
