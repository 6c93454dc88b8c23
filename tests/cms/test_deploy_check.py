"""`check --deploy` with docker-compose's own environment: clean, and W008 silenced only for the documented reason."""

import re
import secrets

import pytest
import yaml

from cms.env import BASE_DIR
from tests.cms.test_settings import run_python, settings_values

#: ${NAME}, ${NAME:-default} and ${NAME:?message}, as docker compose interpolates them.
VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?:(?P<operator>:-|:\?)(?P<word>[^}]*))?\}")


def compose_environment(service, **given):
    """The service's environment from docker-compose.yml, interpolated as compose would with `given` set."""
    compose = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())
    environment = compose["services"][service]["environment"]

    def interpolate(match):
        name, operator, word = match.group("name", "operator", "word")
        if given.get(name):
            return given[name]
        if operator == ":-":
            return word
        raise AssertionError(f"docker-compose.yml requires {name} ({word}); give it to the test")

    return {name: VARIABLE.sub(interpolate, str(value)) for name, value in environment.items()}


@pytest.fixture
def compose_env():
    # Each deployment's own secret, as `.env` holds it; everything else is docker-compose's default.
    return compose_environment("app", SECRET_KEY=secrets.token_urlsafe(50))


def check_deploy(environment):
    return run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        environment.pop("DJANGO_SETTINGS_MODULE"),
        **environment,
    )


def test_docker_compose_runs_production_settings_behind_its_proxy(compose_env):
    assert compose_env["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    assert compose_env["PROXY_REDIRECTS_TO_HTTPS"] == "true"


def test_check_deploy_is_clean_with_docker_composes_defaults(compose_env):
    result = check_deploy(compose_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_without_the_proxy_redirect_a_missing_ssl_redirect_is_still_reported(compose_env):
    compose_env.update(PROXY_REDIRECTS_TO_HTTPS="false", SECURE_SSL_REDIRECT="false")

    result = check_deploy(compose_env)

    assert result.returncode != 0
    assert "security.W008" in result.stderr


def test_the_proxy_redirect_leaves_redirecting_to_the_proxy_and_trusts_its_header(compose_env):
    compose_env.pop("DJANGO_SETTINGS_MODULE")

    values = settings_values(
        "cms.settings.production",
        ["SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SILENCED_SYSTEM_CHECKS"],
        **compose_env,
    )

    assert values == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SILENCED_SYSTEM_CHECKS": ["security.W008"],
    }


@pytest.mark.parametrize(
    ("header", "expected"), [("X-Forwarded-Proto", ["HTTP_X_FORWARDED_PROTO", "https"]), ("", None)]
)
def test_the_proxy_ssl_header_comes_from_the_environment(compose_env, header, expected):
    compose_env.pop("DJANGO_SETTINGS_MODULE")
    compose_env["SECURE_PROXY_SSL_HEADER"] = header

    values = settings_values("cms.settings.production", ["SECURE_PROXY_SSL_HEADER"], **compose_env)

    assert values["SECURE_PROXY_SSL_HEADER"] == expected
