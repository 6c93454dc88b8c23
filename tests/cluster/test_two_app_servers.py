"""Two app servers on a PostgreSQL primary and replica, one Redis and object storage (issue 19's proof).

Built by the test itself (tests/cluster/installation.py): `initdb` and
`pg_basebackup` in a temporary folder, redis-server, moto's S3 server and two
gunicorn servers with production settings and the demo content. The tests
run in order and share the installation; the last one stops its databases.
Which database answered a public read is named by `X-A4B-Database`
(DATABASE_READ_HEADER); an answer served from the cache read none.
"""

import os

import pytest
import requests

from tests.cluster.installation import AdminSession, Installation
from tests.cluster.postgres import postgres_bin

pytestmark = [
    pytest.mark.skipif(
        postgres_bin() is None and not os.environ.get("A4B_REQUIRE_CLUSTER"),
        reason="the PostgreSQL server binaries (initdb, pg_basebackup) are not installed",
    ),
]


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    if postgres_bin() is None:
        pytest.fail("A4B_REQUIRE_CLUSTER is set but the PostgreSQL server binaries are not installed")
    built = Installation(tmp_path_factory.mktemp("installation")).start()
    yield built
    built.stop()


@pytest.fixture(scope="module")
def practice(installation):
    """A live Polish practice with an image, and its detail URL."""
    listed = installation.servers["b"].get("/api/v2/practices/?limit=20").json()["results"]
    chosen = next(item for item in listed if item["main_image"])
    return chosen["id"], f"/api/v2/practices/{chosen['id']}/"


def test_a_publish_on_one_server_is_served_fresh_by_the_other(installation, practice):
    page_id, detail = practice
    a, b = installation.servers["a"], installation.servers["b"]
    watched = [
        detail,
        "/api/v2/search/?q=Zielonogwiazdkowy&locale=pl",
        "/feeds/pl/practices.rss",
        "/embed/pl/practices/",
    ]
    before = [b.get(path) for path in watched]
    assert all(response.status_code == 200 for response in before)
    assert "Zielonogwiazdkowy" not in before[0].text

    installation.save_draft(page_id, "Zielonogwiazdkowy projekt")
    AdminSession(a, "admin", installation.password).publish(page_id)

    after = [b.get(path) for path in watched]
    assert after[0].json()["title"] == "Zielonogwiazdkowy projekt"
    assert [item["id"] for item in after[1].json()["results"]] == [page_id]
    assert "Zielonogwiazdkowy projekt" in after[2].text
    assert "Zielonogwiazdkowy projekt" in after[3].text


def test_a_lagging_replica_is_not_read_and_nothing_stale_is_kept(installation, practice):
    page_id, detail = practice
    a, b = installation.servers["a"], installation.servers["b"]
    installation.postgres.wait_for_replay()
    assert b.get("/api/v2/practices/?limit=3").headers["X-A4B-Database"] == "replica"

    installation.postgres.pause_replay()
    try:
        installation.save_draft(page_id, "Projekt wstrzymanej repliki")
        AdminSession(a, "admin", installation.password).publish(page_id)
        while_paused = b.get(detail)
        replica_title = installation.postgres.execute(
            f"SELECT title FROM wagtailcore_page WHERE id = {page_id}", database="a4b", replica=True
        )[0][0]
    finally:
        installation.postgres.resume_replay()

    assert replica_title != "Projekt wstrzymanej repliki"  # what a read from the replica would have shown
    assert while_paused.json()["title"] == "Projekt wstrzymanej repliki"
    assert while_paused.headers["X-A4B-Database"] == "primary"
    installation.postgres.wait_for_replay()
    kept = b.get(detail)
    assert kept.json()["title"] == "Projekt wstrzymanej repliki"
    assert "X-A4B-Database" not in kept.headers  # the stored answer, rendered from the primary
    assert b.get("/api/v2/practices/?limit=4").headers["X-A4B-Database"] == "replica"


def test_the_admin_reads_its_own_edits_from_the_primary(installation, practice):
    page_id, _detail = practice
    b = installation.servers["b"]
    editor = AdminSession(b, "admin", installation.password)
    installation.postgres.pause_replay()
    try:
        installation.save_draft(page_id, "Szkic widoczny od razu")
        editing = editor.request("GET", f"/admin/pages/{page_id}/edit/")
    finally:
        installation.postgres.resume_replay()

    assert editing.status_code == 200
    assert "Szkic widoczny od razu" in editing.text


def test_a_rendition_made_by_one_server_is_served_by_the_other(installation, practice):
    _page_id, detail = practice
    a, b = installation.servers["a"], installation.servers["b"]
    made = a.get(detail).json()
    installation.postgres.wait_for_replay()
    served = b.get(detail).json()

    made_urls = {name: rendition["url"] for name, rendition in made["main_image"]["renditions"].items()}
    served_urls = {name: rendition["url"] for name, rendition in served["main_image"]["renditions"].items()}
    assert {url.split("?")[0] for url in served_urls.values()} == {url.split("?")[0] for url in made_urls.values()}
    for url in served_urls.values():
        assert url.startswith(installation.storage.endpoint)
        fetched = requests.get(url, timeout=30)
        assert fetched.status_code == 200
        assert fetched.content[:2] == b"\xff\xd8" or fetched.content[:4] == b"\x89PNG"


def test_without_the_replica_the_primary_answers_and_without_the_primary_health_fails(installation):
    b = installation.servers["b"]
    installation.postgres.stop_replica()

    listed = b.get("/api/v2/practices/?limit=5")
    health = b.get("/health/")
    assert listed.status_code == 200
    assert listed.headers["X-A4B-Database"] == "primary"
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["replica"].startswith("error: ")

    installation.postgres.stop_primary()
    assert b.get("/health/").status_code == 503
