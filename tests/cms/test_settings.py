"""Settings per environment, each read in a fresh interpreter with exactly the environment given."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from cms.env import BASE_DIR

PRODUCTION = "cms.settings.production"
DEV = "cms.settings.dev"


def run_python(args, settings_module, **environment):
    """Run Python in the project with only PATH, the settings module and `environment` set."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": settings_module, **environment}
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def settings_values(settings_module, names, **environment):
    """The named settings as loaded by `settings_module` under `environment` (apps are not loaded)."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}, default=str))"
    )
    result = run_python(["-c", code], settings_module, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def production_env(tmp_path):
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.db'}",
        "ALLOWED_HOSTS": "example.org",
    }


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL"])
@pytest.mark.parametrize("how", ["unset", "empty"])
def test_production_refuses_to_start_without_its_secrets(production_env, missing, how):
    if how == "unset":
        del production_env[missing]
    else:
        production_env[missing] = ""

    result = run_python(["-c", "import django; django.setup()"], PRODUCTION, **production_env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} must be set in production" in result.stderr


def test_production_passes_the_deployment_checks(production_env):
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, **production_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_production_reads_database_and_hosts_from_the_environment(production_env):
    production_env["DATABASE_URL"] = "postgres://a4b:secret@db.example.org:5432/a4b"

    values = settings_values(PRODUCTION, ["DATABASES", "ALLOWED_HOSTS", "DEBUG"], **production_env)

    database = values["DATABASES"]["default"]
    assert (database["ENGINE"], database["HOST"], database["NAME"]) == (
        "django.db.backends.postgresql",
        "db.example.org",
        "a4b",
    )
    assert database["CONN_MAX_AGE"] == 600
    assert values["ALLOWED_HOSTS"] == ["example.org"]
    assert values["DEBUG"] is False


def test_dev_defaults_to_sqlite_without_database_url():
    values = settings_values(DEV, ["DATABASES", "DEBUG", "SECRET_KEY"])

    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(BASE_DIR / "db.sqlite3")
    assert values["DEBUG"] is True
    assert values["SECRET_KEY"]


def test_machine_translator_is_deepl_with_a_key():
    values = settings_values(DEV, ["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"], DEEPL_AUTH_KEY="test-key:fx")

    translator = values["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]
    assert translator["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert translator["OPTIONS"]["AUTH_KEY"] == "test-key:fx"


def test_machine_translator_is_the_dummy_without_a_key():
    values = settings_values(DEV, ["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"])

    assert values["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"] == {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }


def test_translations_do_not_go_live_on_their_own():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_wagtail_localize_manages_locales():
    assert "wagtail_localize" in settings.INSTALLED_APPS
    assert "wagtail_localize.locales" in settings.INSTALLED_APPS
    assert "wagtail.locales" not in settings.INSTALLED_APPS
    assert "wagtail.contrib.simple_translation" not in settings.INSTALLED_APPS


def test_content_languages_are_polish_then_czech():
    assert settings.LANGUAGE_CODE == "pl"
    assert settings.WAGTAIL_CONTENT_LANGUAGES == [("pl", "Polski"), ("cs", "Čeština")]
    assert settings.LANGUAGES == settings.WAGTAIL_CONTENT_LANGUAGES
    assert settings.WAGTAIL_I18N_ENABLED is True


def test_content_languages_come_from_the_environment():
    values = settings_values(
        DEV, ["WAGTAIL_CONTENT_LANGUAGES", "LANGUAGE_CODE"], CONTENT_LANGUAGES="cs:Čeština,pl:Polski"
    )

    assert values == {"WAGTAIL_CONTENT_LANGUAGES": [["cs", "Čeština"], ["pl", "Polski"]], "LANGUAGE_CODE": "cs"}


def test_production_on_postgresql_plans_prepared_statements_once(production_env):
    production_env["DATABASE_URL"] = "postgres://a4b:secret@db.example.org:5432/a4b"

    database = settings_values(PRODUCTION, ["DATABASES"], **production_env)["DATABASES"]["default"]

    assert database["OPTIONS"]["options"] == "-c plan_cache_mode=force_generic_plan"


def test_prepared_statements_can_be_turned_off_for_a_pooler_in_transaction_mode(production_env):
    production_env["DATABASE_URL"] = "postgres://a4b:secret@db.example.org:5432/a4b"
    production_env["DATABASE_PREPARED_STATEMENTS"] = "false"

    values = settings_values(PRODUCTION, ["DATABASES", "DATABASE_PREPARED_STATEMENTS"], **production_env)

    assert values["DATABASE_PREPARED_STATEMENTS"] is False
    assert "options" not in values["DATABASES"]["default"].get("OPTIONS", {})
