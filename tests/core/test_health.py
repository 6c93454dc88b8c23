"""/health/ reports each dependency; 503 only when a required one (HEALTH_REQUIRED) is down."""

import pytest
from django.db import OperationalError, connection

from core import caches as fail_soft
from tests.core.redis_server import redis_caches  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def fresh_circuit():
    fail_soft.outage.down_until = None
    yield
    fail_soft.outage.down_until = None


def test_all_up(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_redis_down_is_reported_and_degrades_without_failing(client, db, settings, redis_caches):  # noqa: F811
    settings.CACHES = redis_caches("redis://127.0.0.1:1/0")

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["database"] == "ok"
    assert response.json()["cache"].startswith("error: ")


def test_redis_down_is_a_503_where_the_cache_is_required(client, db, settings, redis_caches):  # noqa: F811
    settings.CACHES = redis_caches("redis://127.0.0.1:1/0")
    settings.HEALTH_REQUIRED = ["database", "cache"]

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_database_down_is_a_503(client, db, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error: OperationalError", "cache": "ok"}
