"""A flood of distinct URLs cannot grow the cache without limit.

Two bounds: everything the portal writes expires (only the one content
version is kept for good), and docker-compose's Redis has a memory cap with
an LRU policy. The flood runs against a real redis-server started with that
policy and a small cap.
"""

import re
import shlex

import pytest
import yaml

from cms.env import BASE_DIR
from core.api.cache import VERSION_KEY
from core.api.response_cache import asked_before
from tests.core.redis_server import RedisServer, redis_caches, redis_server  # noqa: F401 (fixtures)

#: Bytes the flood may use above an empty server's own footprint.
BUDGET = 256 * 1024


def compose_redis_arguments():
    """The redis service's command in docker-compose.yml, its ${VAR:-default}s at their defaults."""
    compose = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())
    command = compose["services"]["redis"].get("command", "")
    command = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", command if isinstance(command, str) else shlex.join(command))
    arguments = shlex.split(command)
    return dict(zip(arguments[1::2], arguments[2::2], strict=False)) if arguments[1:] else {}


def test_docker_compose_caps_redis_memory_with_an_lru_policy():
    arguments = compose_redis_arguments()

    assert re.fullmatch(r"\d+[kmg]b", arguments.get("--maxmemory", ""))
    assert arguments.get("--maxmemory-policy") == "allkeys-lru"


@pytest.fixture
def capped_redis(tmp_path):
    policy = compose_redis_arguments().get("--maxmemory-policy", "noeviction")
    server = RedisServer(tmp_path, "--maxmemory-policy", policy).start()
    baseline = server.client().info("memory")["used_memory"]
    server.client().config_set("maxmemory", baseline + BUDGET)
    yield server
    server.stop()


def flood(client, count):
    """Distinct URLs, as a client with random search words and page sizes sends them."""
    for n in range(count):
        paths = [f"/api/v2/search/?q=bilet+słowo{n}", f"/api/v2/practices/?limit={n % 100 + 1}&offset={n}"]
        for path in paths:
            assert client.get(path, REMOTE_ADDR=f"10.1.{n // 250}.{n % 250}").status_code == 200


def test_a_flood_of_distinct_urls_stays_within_the_cap(client, content, settings, capped_redis, redis_caches):  # noqa: F811
    settings.CACHES = redis_caches(capped_redis.url)
    redis = capped_redis.client()

    flood(client, 400)

    memory, stats = redis.info("memory"), redis.info("stats")
    assert stats["evicted_keys"] > 0
    assert memory["used_memory"] <= memory["maxmemory"] * 1.05
    assert client.get("/api/v2/practices/").status_code == 200


def test_everything_a_flood_writes_expires(client, content, settings, redis_caches, tmp_path):  # noqa: F811
    server = RedisServer(tmp_path).start()
    try:
        settings.CACHES = redis_caches(server.url)
        flood(client, 20)
        redis = server.client()
        kept_for_good = {key.decode() for key in redis.scan_iter() if redis.ttl(key) == -1}
    finally:
        server.stop()

    assert {key.split(":", 2)[-1] for key in kept_for_good} == {VERSION_KEY}


def test_a_one_off_search_or_a_deep_page_stores_nothing(client, content, settings, redis_caches, redis_server):  # noqa: F811
    settings.CACHES = redis_caches(redis_server.url)
    asked_before.seen.clear()

    one_off = client.get("/api/v2/search/?q=bilet")
    deep = [client.get("/api/v2/search/?q=bilet&offset=1") for _ in range(2)]
    redis = redis_server.client()
    written = {key.decode().split(":", 2)[-1] for key in redis.scan_iter()}
    client.get("/api/v2/search/?q=bilet")
    first_page = {key.decode().split(":", 2)[-1] for key in redis.scan_iter()} - written

    assert [response.status_code for response in (one_off, *deep)] == [200, 200, 200]
    assert not {key for key in written if key.startswith(("a4b:response:", "a4b:api:count:", "a4b:search:"))}
    assert {key.split(":")[1] for key in first_page} >= {"response", "search"}
