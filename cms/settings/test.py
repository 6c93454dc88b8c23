"""Test runs: fast hashing, isolated media, no outgoing mail."""

import tempfile

from cms.env import env
from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="a4b-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
FRONTEND_BASE_URL = env("FRONTEND_BASE_URL").rstrip("/")
