"""Outgoing mail from EMAIL_URL: printed in the demo, kept in memory in tests, a real sender in production."""

from django.conf import settings

from tests.cms.test_settings import DEV, PRODUCTION, production_env, run_python, settings_values  # noqa: F401

MAIL = ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_HOST_USER", "DEFAULT_FROM_EMAIL"]


def test_tests_keep_mail_in_memory():
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"


def test_the_demo_prints_mail_on_the_console():
    assert settings_values(DEV, MAIL)["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_email_url_names_the_server_in_dev_and_production(production_env):  # noqa: F811
    url = {"EMAIL_URL": "smtp+tls://portal:secret@mail.example.org:587", "DEFAULT_FROM_EMAIL": "portal@example.org"}

    for module, environment in ((DEV, url), (PRODUCTION, {**production_env, **url})):
        values = settings_values(module, MAIL, **environment)
        assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
        assert (values["EMAIL_HOST"], values["EMAIL_PORT"], values["EMAIL_USE_TLS"]) == ("mail.example.org", 587, True)
        assert values["EMAIL_HOST_USER"] == "portal"
        assert values["DEFAULT_FROM_EMAIL"] == "portal@example.org"


def test_production_refuses_a_mail_server_without_a_real_sender(production_env):  # noqa: F811
    result = run_python(
        ["-c", "import django; django.setup()"], PRODUCTION, **production_env, EMAIL_URL="smtp://mail.example.org"
    )

    assert result.returncode != 0
    assert "DEFAULT_FROM_EMAIL must be a real address" in result.stderr
