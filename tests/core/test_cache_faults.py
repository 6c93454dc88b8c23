"""Redis away: the API, widgets and feeds serve from the database, the fault is logged once, nothing leaks after."""

import logging
import time

import pytest

from core import caches as fail_soft
from core.api import throttling
from tests.core.redis_server import redis_caches, redis_server  # noqa: F401 (fixtures)

LIST = "/api/v2/practices/"
CLOSED_PORT = "redis://127.0.0.1:1/0"


@pytest.fixture(autouse=True)
def fresh_circuit(monkeypatch):
    """Each test starts with a cache believed up, and retries it sooner than production does."""
    monkeypatch.setattr(fail_soft, "RETRY_AFTER", 0.2)
    fail_soft.outage.down_until = None
    throttling._local_windows.clear()
    yield
    fail_soft.outage.down_until = None


@pytest.fixture
def redis_unreachable(settings, redis_caches):  # noqa: F811
    settings.CACHES = redis_caches(CLOSED_PORT)


def public_routes(content):
    return [
        LIST,
        f"{LIST}{content.practice.pk}/",
        "/api/v2/locales/",
        "/api/v2/search/?q=bilet",
        f"/embed/pl/practice/{content.practice.pk}/",
        "/embed/pl/events/",
        "/feeds/pl/practices.rss",
        "/feeds/cs/events.ics",
    ]


def test_every_public_route_serves_from_the_database_without_redis(client, content, redis_unreachable, caplog):
    with caplog.at_level(logging.ERROR, logger="core.caches"):
        responses = {path: client.get(path) for path in public_routes(content) * 2}

    assert {path: response.status_code for path, response in responses.items()} == dict.fromkeys(responses, 200)
    assert "Wspólny bilet" in responses[LIST].json()["results"][0]["title"]
    faults = [record for record in caplog.records if "Cache unreachable" in record.getMessage()]
    assert len(faults) == 1


def test_without_redis_each_process_still_rate_limits(client, content, redis_unreachable, rate_limit):
    statuses = [client.get(path).status_code for path in (LIST, LIST, "/embed/pl/practices/", LIST)]

    assert statuses == [200, 200, 200, 429]
    assert client.get(LIST).json()["detail"].startswith("Request was throttled")


def test_a_redis_killed_mid_run_leaves_the_api_serving(client, content, settings, redis_caches, redis_server):  # noqa: F811
    settings.CACHES = redis_caches(redis_server.url)
    first = client.get(LIST)

    redis_server.stop()
    statuses = [client.get(path).status_code for path in public_routes(content)]

    assert first.status_code == 200
    assert statuses == [200] * len(statuses)
    assert client.get(LIST).content == first.content


def test_a_change_made_while_redis_was_away_is_not_hidden_by_an_older_answer_after(
    client,
    content,
    settings,
    redis_caches,  # noqa: F811
    redis_server,  # noqa: F811
):
    settings.CACHES = redis_caches(redis_server.url)
    assert "Wspólny bilet" in client.get(LIST).content.decode()
    assert "Wspólny bilet" in client.get("/feeds/pl/practices.rss").content.decode()

    redis_server.pause()
    content.practice.unpublish()  # the content version cannot be renewed: Redis does not answer
    during = client.get(LIST)
    redis_server.resume()
    time.sleep(0.3)
    after = client.get(LIST)

    assert during.status_code == after.status_code == 200
    assert "Wspólny bilet" not in during.content.decode()
    assert "Wspólny bilet" not in after.content.decode()
    assert "Wspólny bilet" not in client.get("/feeds/pl/practices.rss").content.decode()
