"""core/views.py: /health/ reports each dependency (503 only for a required one); API errors are JSON."""

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
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok"}
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
    assert response.json() == {"status": "error", "database": "error: OperationalError", "cache": "ok", "storage": "ok"}


@pytest.fixture
def failing_middleware(monkeypatch):
    def fail(*args):
        raise RuntimeError("an unexpected fault")

    monkeypatch.setattr("core.api.middleware.client_address", fail)


def test_an_unexpected_error_under_the_api_is_a_json_500(client, db, failing_middleware):
    client.raise_request_exception = False

    response = client.get("/api/v2/practices/")

    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}


def test_an_unexpected_error_elsewhere_is_djangos_page(client, db, failing_middleware):
    client.raise_request_exception = False

    response = client.get("/feeds/pl/practices.rss")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
