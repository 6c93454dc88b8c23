"""Media on S3-compatible object storage (cms/settings/storage.py), against a real S3 server of the test's own.

Two app servers share media only through object storage: a rendition one
made is found (in the database) and served (from the bucket) by the other.
"""

import json
import urllib.parse

import pytest
import requests
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from wagtail.images import get_image_model

from core.api.rendering import IMAGE_RENDITIONS
from tests.core.object_storage import object_storage, object_storage_server, storage_settings  # noqa: F401
from tests.processes import run_in_another_process

pytestmark = pytest.mark.usefixtures("migrated_data_back")


def test_uploads_of_the_same_name_keep_both_files(object_storage):  # noqa: F811
    first = default_storage.save("documents/plan.pdf", ContentFile(b"first"))
    second = default_storage.save("documents/plan.pdf", ContentFile(b"second"))

    assert first == "documents/plan.pdf"
    assert second != first
    assert {f"media/{first}", f"media/{second}"} <= set(object_storage.object_keys())
    assert default_storage.open(first).read() == b"first"


def test_links_are_signed_unless_a_public_url_is_given(object_storage_server, settings):  # noqa: F811
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings(object_storage_server.environment())}
    signed = urllib.parse.urlsplit(default_storage.url("images/a.jpg"))
    assert "X-Amz-Signature" in urllib.parse.parse_qs(signed.query)
    assert urllib.parse.parse_qs(signed.query)["X-Amz-Expires"] == [str(7 * 24 * 3600)]

    public = object_storage_server.environment(S3_PUBLIC_URL="https://media.example.org/a4b")
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings(public)}
    assert default_storage.url("images/a.jpg") == "https://media.example.org/a4b/media/images/a.jpg"


def test_signed_links_must_outlive_the_answers_that_hold_them(object_storage_server):  # noqa: F811
    with pytest.raises(ImproperlyConfigured, match="S3_SIGNED_URL_SECONDS"):
        storage_settings(object_storage_server.environment(S3_SIGNED_URL_SECONDS=3600), api_answer_lifetime=3660)
    with pytest.raises(ImproperlyConfigured, match="S3_PUBLIC_URL"):
        storage_settings(object_storage_server.environment(S3_PUBLIC_URL="media.example.org"))


def test_health_reports_storage_that_does_not_answer(client, db, settings):
    unreachable = {"S3_BUCKET": "a4b-media", "S3_ENDPOINT_URL": "http://127.0.0.1:1", "S3_ACCESS_KEY_ID": "x"}
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings({**unreachable, "S3_SECRET_ACCESS_KEY": "x"})}

    degraded = client.get("/health/")
    settings.HEALTH_REQUIRED = ["database", "storage"]
    required = client.get("/health/")

    assert degraded.status_code == 200
    assert degraded.json()["status"] == "degraded"
    assert degraded.json()["storage"].startswith("error: ")
    assert required.status_code == 503


@pytest.mark.skipif(connection.vendor != "postgresql", reason="another process needs the test database")
@pytest.mark.django_db(transaction=True)
def test_a_rendition_made_by_one_server_is_served_by_another(object_storage, content, live_server, tmp_path):  # noqa: F811
    image = content.practice.main_image
    assert f"media/{image.file.name}" in object_storage.object_keys()
    make_renditions = (
        "from wagtail.images import get_image_model; "
        f"get_image_model().objects.get(pk={image.pk}).get_renditions(*{list(IMAGE_RENDITIONS.values())!r})"
    )
    made = run_in_another_process(
        make_renditions, REDIS_URL="", FILE_CACHE_DIR=str(tmp_path), **object_storage.environment()
    )
    assert made.returncode == 0, made.stderr
    renditions = get_image_model().get_rendition_model().objects.filter(image=image)
    made_there = set(renditions.values_list("pk", flat=True))
    assert len(made_there) == len(IMAGE_RENDITIONS)

    answer = requests.get(f"{live_server.url}/api/v2/practices/{content.practice.pk}/", timeout=30)
    served = json.loads(answer.content)["main_image"]["renditions"]

    assert set(renditions.values_list("pk", flat=True)) == made_there
    for rendition in served.values():
        assert rendition["url"].startswith(f"{object_storage.endpoint}/a4b-media/media/images/")
        fetched = requests.get(rendition["url"], timeout=30)
        assert fetched.status_code == 200
        assert fetched.content[:3] == b"\xff\xd8\xff" or fetched.content[:8] == b"\x89PNG\r\n\x1a\n"
