"""The shared cache: Redis, Redis under Sentinel, or (one host only) a file cache.

The API's response cache, content version and rate limits live here, so every
process of one installation (web workers, the webhook worker, management commands,
a shell) must share it, or a change made in one is not seen by the others. Redis when
REDIS_URL is set, failing soft (core/caches.py): while it is away the portal serves
uncached from the database. Otherwise a file cache, zero-setup, in a folder of its
own per database, so that two installations in one checkout never share answers; a
file cache is one host's, so an installation of several app nodes must use Redis.
"""

import hashlib
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def sentinel_addresses(entries):
    """[(host, port)] from "host:port" entries (port 26379, Sentinel's own, when left out)."""
    addresses = []
    for entry in entries:
        host, separator, port = entry.strip().rpartition(":")
        if not separator:
            host, port = port, "26379"
        if not host or not port.isdigit():
            raise ImproperlyConfigured(f"REDIS_SENTINELS entries are host:port, not {entry!r}.")
        addresses.append((host, int(port)))
    return addresses


def cache_settings(env):
    """CACHES for the environment.

    Under Sentinel, REDIS_URL names the monitored master by its Sentinel name
    (`redis://a4b/0`), and every read and write goes to the current master:
    the content version must never be read from a replica that has not yet
    received the publish that renewed it.
    """
    if not env("REDIS_URL"):
        if env("APP_NODES") > 1:
            raise ImproperlyConfigured(
                "APP_NODES > 1 needs REDIS_URL: a file cache is one host's, so the other nodes would serve "
                "answers a publish on this one made stale."
            )
        digest = hashlib.sha256(env("DATABASE_URL").encode(), usedforsecurity=False).hexdigest()[:16]
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(Path(env("FILE_CACHE_DIR")) / digest),
                "OPTIONS": {"MAX_ENTRIES": 2000},
            }
        }
    cache = env.cache_url("REDIS_URL", backend="core.caches.FailSoftRedisCache")
    options = cache.setdefault("OPTIONS", {})
    # A Redis that stopped answering costs a request at most this long (s), once per 5 s.
    options.update({"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 1.0})
    if env("REDIS_SENTINELS"):
        options.update(
            {
                "CONNECTION_FACTORY": "django_redis.pool.SentinelConnectionFactory",
                "SENTINELS": sentinel_addresses(env("REDIS_SENTINELS")),
                "SENTINEL_KWARGS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
            }
        )
    return {"default": cache}
