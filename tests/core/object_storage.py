"""A real S3-compatible server of the test's own (moto's, a separate process on a free port)."""

import subprocess
import sys
import time

import boto3
import pytest
import requests

from cms.settings.storage import media_storage
from tests.core.redis_server import free_port

BUCKET = "a4b-media"
KEYS = {"S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing", "S3_REGION": "eu-central-1"}


class ObjectStorageServer:
    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            # moto's own entry point, from the running interpreter's packages (not whatever is on PATH).
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(self.endpoint, timeout=1)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self.client().create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": KEYS["S3_REGION"]})

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=KEYS["S3_ACCESS_KEY_ID"],
            aws_secret_access_key=KEYS["S3_SECRET_ACCESS_KEY"],
            region_name=KEYS["S3_REGION"],
        )

    def environment(self, **overrides):
        """The S3_* variables an app server of this installation is given."""
        return {"S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": self.endpoint, **KEYS, **overrides}

    def object_keys(self):
        return sorted(item["Key"] for item in self.client().list_objects_v2(Bucket=BUCKET).get("Contents", []))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def storage_settings(environment, api_answer_lifetime=3660):
    """STORAGES["default"] exactly as cms.settings builds it from these variables."""
    values = {"S3_PUBLIC_URL": "", "S3_SIGNED_URL_SECONDS": 7 * 24 * 3600, **environment}
    return media_storage(lambda name: values.get(name, ""), api_answer_lifetime=api_answer_lifetime)


@pytest.fixture(scope="module")
def object_storage_server():
    server = ObjectStorageServer()
    yield server
    server.stop()


@pytest.fixture
def object_storage(object_storage_server, settings):
    """Media on the test's S3 server for this test (Django resets its storages when STORAGES changes)."""
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings(object_storage_server.environment())}
    return object_storage_server
