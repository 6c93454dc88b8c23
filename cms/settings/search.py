"""Where search runs: our own database index, or an OpenSearch (or Elasticsearch) cluster.

Without SEARCH_ENGINE_URL the search index is a table in the portal's own
database (search.SearchEntry), which needs nothing else and is the only engine
that has run here. With it, the search endpoints ask the cluster (one index per
language, search/engines/opensearch/); the endpoints' parameters and answers are
the same either way. See docs/search.md.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

#: What an index name may start with, and hold after it (OpenSearch's and Elasticsearch's rules, lower-case).
INDEX_PREFIX = re.compile(r"[a-z0-9][a-z0-9_-]*")


def search_engine(env):
    """settings.SEARCH_ENGINE for the environment (read by search.engines.current())."""
    urls = env("SEARCH_ENGINE_URL")
    if not urls:
        return {"BACKEND": "database"}
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImproperlyConfigured(
                "SEARCH_ENGINE_URL holds the cluster's node URLs, http(s)://[user:password@]host:port, separated "
                f"by commas; one has the scheme {parts.scheme!r} or no host (not shown: it may hold a password)."
            )
    prefix = env("SEARCH_INDEX_PREFIX")
    if not INDEX_PREFIX.fullmatch(prefix):
        raise ImproperlyConfigured(
            f"SEARCH_INDEX_PREFIX must be lower-case letters, digits, '-' or '_', not {prefix!r}."
        )
    return {
        "BACKEND": "opensearch",
        "OPTIONS": {
            "hosts": urls,
            "index_prefix": prefix,
            "ca_certs": env("SEARCH_ENGINE_CA_CERTS") or None,
            # A cluster that stopped answering costs a search seconds, not the client's default 10 s per node.
            "timeout": 5,
        },
    }
