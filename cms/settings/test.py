"""Test runs: fast hashing, isolated media, no outgoing mail."""

import os
import re
import tempfile

from cms.env import env
from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="a4b-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
FRONTEND_BASE_URL = "https://portal.example.org"
# No request to the frontend from tests: the reviewer's preview frames it unchecked (tests that
# need the check point it at a closed local port or stub it).
FRONTEND_PREVIEW_CHECK_TIMEOUT = 0

# Parallel test workers share one Redis server: each gets a database of its own,
# counted from the one REDIS_URL names, so one worker's cache.clear() never empties
# another's cache mid-test (and two runs side by side can use distinct ranges).
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
if env("REDIS_URL") and _worker.isdigit():
    _location = CACHES["default"]["LOCATION"]  # noqa: F405
    _base = re.search(r"/(\d+)$", _location)
    _database = (int(_base.group(1)) if _base else 0) + int(_worker)
    CACHES["default"]["LOCATION"] = re.sub(r"(/\d*)?$", f"/{_database}", _location, count=1)  # noqa: F405
elif not env("REDIS_URL"):
    # Without Redis, the shared file cache; a folder of its own for each test process.
    CACHES["default"]["LOCATION"] = tempfile.mkdtemp(prefix="a4b-test-cache-")  # noqa: F405
