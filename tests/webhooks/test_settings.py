"""Webhook, preview and frontend-cache settings come from the environment (each read in a fresh interpreter)."""

from tests.cms.test_settings import DEV, PRODUCTION, run_python, settings_values

NAMES = [
    "TASKS",
    "WEBHOOK_MAX_ATTEMPTS",
    "WEBHOOK_RETRY_BASE_DELAY",
    "WEBHOOK_TIMEOUT",
    "FRONTEND_PREVIEW_URL",
    "PREVIEW_TOKEN_MAX_AGE",
    "INSTALLED_APPS",
]


def test_defaults_keep_wagtails_tasks_immediate_and_webhooks_durable():
    values = settings_values(DEV, NAMES)

    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert values["TASKS"]["webhooks"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert (values["WEBHOOK_MAX_ATTEMPTS"], values["WEBHOOK_RETRY_BASE_DELAY"], values["WEBHOOK_TIMEOUT"]) == (
        6,
        30,
        10.0,
    )
    assert (values["FRONTEND_PREVIEW_URL"], values["PREVIEW_TOKEN_MAX_AGE"]) == ("", 3600)
    assert "wagtail.contrib.frontend_cache" not in values["INSTALLED_APPS"]


def test_the_environment_tunes_them():
    values = settings_values(
        DEV,
        NAMES,
        WEBHOOK_MAX_ATTEMPTS="3",
        WEBHOOK_RETRY_BASE_DELAY="5",
        WEBHOOK_TIMEOUT="2.5",
        FRONTEND_PREVIEW_URL="https://portal.example.org/{locale}/preview",
        PREVIEW_TOKEN_MAX_AGE="600",
    )

    assert (values["WEBHOOK_MAX_ATTEMPTS"], values["WEBHOOK_RETRY_BASE_DELAY"], values["WEBHOOK_TIMEOUT"]) == (
        3,
        5,
        2.5,
    )
    assert values["FRONTEND_PREVIEW_URL"] == "https://portal.example.org/{locale}/preview"
    assert values["PREVIEW_TOKEN_MAX_AGE"] == 600


def test_frontend_cache_purge_is_enabled_by_its_url():
    values = settings_values(
        DEV, ["INSTALLED_APPS", "WAGTAILFRONTENDCACHE"], FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081/"
    )

    assert "wagtail.contrib.frontend_cache" in values["INSTALLED_APPS"]
    assert values["WAGTAILFRONTENDCACHE"] == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081/",
        }
    }
    check = run_python(
        ["manage.py", "check", "--fail-level", "WARNING"], DEV, FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081/"
    )
    assert check.returncode == 0, check.stderr


def test_loopback_receivers_are_allowed_in_development_only():
    """`make demo` may deliver to a receiver on the same machine; production refuses every internal address."""
    names = ["WEBHOOK_ALLOWED_NETWORKS"]
    production = {"SECRET_KEY": "x" * 50, "DATABASE_URL": "sqlite:///unused.db"}

    assert settings_values(DEV, names)["WEBHOOK_ALLOWED_NETWORKS"] == ["127.0.0.0/8", "::1/128"]
    assert settings_values(DEV, names, DEBUG="false")["WEBHOOK_ALLOWED_NETWORKS"] == []
    assert settings_values(PRODUCTION, names, **production)["WEBHOOK_ALLOWED_NETWORKS"] == []
    configured = settings_values(PRODUCTION, names, WEBHOOK_ALLOWED_NETWORKS="10.1.2.0/24,fd00::/8", **production)
    assert configured["WEBHOOK_ALLOWED_NETWORKS"] == ["10.1.2.0/24", "fd00::/8"]
