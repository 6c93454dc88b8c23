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

# Parallel test workers share one Redis server: each gets a database of its own,
# so one worker's cache.clear() never empties another's cache mid-test.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
if env("REDIS_URL") and _worker.isdigit():
    CACHES["default"]["LOCATION"] = re.sub(r"/\d*$", f"/{int(_worker) + 1}", CACHES["default"]["LOCATION"])  # noqa: F405
