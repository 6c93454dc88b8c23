"""Benchmark server: production settings over plain HTTP on loopback, plus stock API v2 for comparison."""

from cms.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WAGTAILAPI_LIMIT_MAX = 100
LOGGING = {"version": 1, "disable_existing_loggers": True}
