"""manage.py create_media_bucket (docker-compose's `s3` profile runs it), against a real S3 server of the test's own."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.core.object_storage import object_storage_server, storage_settings  # noqa: F401


def create_media_bucket(*args):
    out = io.StringIO()
    call_command("create_media_bucket", *args, stdout=out)
    return out.getvalue()


def test_it_creates_the_bucket_once(object_storage_server, settings):  # noqa: F811
    environment = object_storage_server.environment(S3_BUCKET="a4b-compose-media")
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings(environment)}

    first, second = create_media_bucket(), create_media_bucket()

    buckets = {bucket["Name"] for bucket in object_storage_server.client().list_buckets()["Buckets"]}
    assert "a4b-compose-media" in buckets
    assert first == "Created bucket a4b-compose-media.\n"
    assert second == "Bucket a4b-compose-media exists already.\n"


def test_media_on_local_disk_need_no_bucket(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}

    assert "no bucket to create" in create_media_bucket()


def test_an_object_store_that_does_not_answer_is_an_error_after_the_wait(settings):
    unreachable = {"S3_BUCKET": "a4b-media", "S3_ENDPOINT_URL": "http://127.0.0.1:1"}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": storage_settings({**unreachable, "S3_ACCESS_KEY_ID": "x", "S3_SECRET_ACCESS_KEY": "x"}),
    }

    with pytest.raises(CommandError, match="could not be created"):
        create_media_bucket("--wait", "1")
