"""`prepare_demo`: what `make demo` does to the database, in one process, skipping what is already done."""

import stat
from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError

from demo.loader import DemoLoader
from webhooks.models import WebhookEndpoint


def prepare(*args):
    out = StringIO()
    # The demo content itself is load_demo's (tests/demo/test_load_demo.py); here it has nothing to add.
    with mock.patch.object(DemoLoader, "load", return_value={}) as load:
        call_command("prepare_demo", *args, stdout=out)
    assert load.called
    return out.getvalue()


def test_an_up_to_date_database_is_not_migrated_again(db):
    with mock.patch("django.core.management.commands.migrate.Command.handle") as migrate:
        output = prepare()

    assert "Database schema up to date" in output
    assert not migrate.called


def test_writes_working_credentials_for_the_admin_and_every_demo_user_to_a_private_file(db, tmp_path, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8022"
    credentials = tmp_path / "var" / "demo-users.txt"

    output = prepare("--credentials-file", str(credentials))

    text = credentials.read_text()
    password = text.split("Password (the same for all of them): ")[1].splitlines()[0]
    assert password not in output
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    assert "Sign in at http://127.0.0.1:8022/admin/ as" in text
    for username in ("admin", "editor-pl", "translator-cs", "reviewer-cs", "validator-pl", "validator-cs"):
        assert username in text
        assert authenticate(username=username, password=password) is not None, username


def test_a_fresh_password_that_starts_with_a_dash_still_works(db, tmp_path):
    # token_urlsafe draws from A-Z a-z 0-9 - _: one run in 64 began with "-", which the commands'
    # argument parser took for an option ("expected one argument") and the demo did not start.
    credentials = tmp_path / "demo-users.txt"
    with mock.patch("demo.management.commands.prepare_demo.secrets.token_urlsafe", return_value="-dash-first0"):
        prepare("--credentials-file", str(credentials))

    assert "Password (the same for all of them): -dash-first0" in credentials.read_text()
    for username in ("admin", "editor-pl", "validator-cs"):
        assert authenticate(username=username, password="-dash-first0") is not None, username


def test_a_second_run_says_whose_passwords_it_reset(db, tmp_path):
    credentials = tmp_path / "demo-users.txt"
    prepare("--credentials-file", str(credentials))
    assert "Created demo users: editor-pl" in credentials.read_text()

    prepare("--credentials-file", str(credentials))

    text = credentials.read_text()
    assert "Reset the password of the demo administrator." in text
    assert "Reset the passwords of: editor-pl, translator-pl, reviewer-pl, editor-cs" in text
    assert "Created" not in text


def test_registers_the_frontends_webhook_once_however_often_it_runs(db, monkeypatch, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    monkeypatch.setenv("FRONTEND_WEBHOOK_SECRET", "demo-secret")

    prepare("--frontend-webhook-url", "http://127.0.0.1:3000/api/webhooks/cms")
    output = prepare("--frontend-webhook-url", "http://127.0.0.1:3000/api/webhooks/cms")

    assert "already registered" in output
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.url, endpoint.secret) == ("http://127.0.0.1:3000/api/webhooks/cms", "demo-secret")


def test_keep_users_leaves_the_passwords_of_a_prepared_copy_alone(db, tmp_path):
    credentials = tmp_path / "demo-users.txt"
    prepare("--credentials-file", str(credentials))
    password = credentials.read_text().split("Password (the same for all of them): ")[1].splitlines()[0]

    output = prepare("--keep-users")

    assert "Keeping the demo users" in output
    assert password not in output
    for username in ("admin", "editor-pl", "reviewer-cs"):
        assert authenticate(username=username, password=password) is not None, username


def test_keep_users_refuses_to_write_credentials_it_does_not_know(db, tmp_path):
    with pytest.raises(CommandError, match="--keep-users"):
        call_command("prepare_demo", "--keep-users", "--credentials-file", str(tmp_path / "demo-users.txt"))
