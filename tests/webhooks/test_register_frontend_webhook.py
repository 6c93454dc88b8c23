"""`register_frontend_webhook`: one endpoint for the portal frontend, signed with the secret from the environment."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from webhooks.delivery import sign, verify
from webhooks.models import SUBSCRIBABLE_EVENTS, WebhookEndpoint

URL = "http://127.0.0.1:3000/api/webhooks/cms"


def register(*args):
    out = StringIO()
    call_command("register_frontend_webhook", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def secret(monkeypatch):
    monkeypatch.setenv("FRONTEND_WEBHOOK_SECRET", "frontend-s3cret")
    return "frontend-s3cret"


def test_registers_an_endpoint_for_every_event_signed_with_the_environments_secret(db, secret):
    output = register("--url", URL)

    endpoint = WebhookEndpoint.objects.get()
    assert "registered" in output and URL in output
    assert (endpoint.name, endpoint.url, endpoint.is_active) == ("Portal frontend", URL, True)
    assert endpoint.events == [value for value, _label in SUBSCRIBABLE_EVENTS]
    assert endpoint.content_types == [] and not endpoint.locales.exists()
    body = b'{"event":"publish"}'
    assert verify(secret, body, sign(endpoint.secret, "1700000000", body), "1700000000", tolerance=10**10)


def test_running_it_again_keeps_one_endpoint_and_follows_a_new_url_and_secret(db, secret, monkeypatch):
    register("--url", URL)
    assert "already registered" in register("--url", URL)
    endpoint = WebhookEndpoint.objects.get()
    endpoint.is_active, endpoint.events = False, ["delete"]
    endpoint.save()
    monkeypatch.setenv("FRONTEND_WEBHOOK_SECRET", "rotated")

    output = register("--url", "http://127.0.0.1:3001/api/webhooks/cms")

    endpoint = WebhookEndpoint.objects.get()
    assert "updated" in output
    assert endpoint.url == "http://127.0.0.1:3001/api/webhooks/cms"
    assert (endpoint.secret, endpoint.is_active) == ("rotated", True)
    assert "publish" in endpoint.events


def test_refuses_to_register_without_a_secret(db, monkeypatch):
    monkeypatch.setenv("FRONTEND_WEBHOOK_SECRET", "")

    with pytest.raises(CommandError, match="FRONTEND_WEBHOOK_SECRET"):
        register("--url", URL)
    assert not WebhookEndpoint.objects.exists()


def test_refuses_a_url_webhooks_may_not_reach(db, secret, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = []

    with pytest.raises(CommandError, match="url"):
        register("--url", URL)
    assert not WebhookEndpoint.objects.exists()
