"""The webhook admin: administrators list, register and test endpoints and read deliveries; nobody else can."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from tests.webhooks.conftest import run_worker
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint


def refused(response):
    """Wagtail answers a denied admin view with a redirect to the dashboard (and a message)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(admin)
    client.user = admin
    return client


@pytest.fixture
def editor_client(db, django_user_model):
    """A Wagtail editor with admin access and every Django permission on webhooks: still not an administrator."""
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "password")
    group = Group.objects.create(name="Webhook tinkerers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="webhooks"),
    )
    editor.groups.add(group)
    client = Client()
    client.force_login(editor)
    return client


def test_administrators_register_an_endpoint(admin_client, locale_cs):
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        {
            "name": "Frontend rebuild",
            "url": "https://frontend.example.org/hooks/a4b",
            "secret": "shared-secret",
            "is_active": "on",
            "events": ["publish", "unpublish"],
            "locales": [locale_cs.pk],
            "content_types": ["practice", "event"],
        },
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["publish", "unpublish"]
    assert endpoint.content_types == ["practice", "event"]
    assert list(endpoint.locales.all()) == [locale_cs]
    assert endpoint.created_by == admin_client.user
    listing = admin_client.get(reverse("webhook_endpoints:index")).content.decode()
    assert "Frontend rebuild" in listing
    assert reverse("webhook_endpoints:send_test", args=[endpoint.pk]) in listing


def test_an_endpoint_needs_at_least_one_event_and_a_valid_url(admin_client):
    response = admin_client.post(
        reverse("webhook_endpoints:add"), {"name": "x", "url": "not a url", "secret": "s", "is_active": "on"}
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"url", "events"}


def test_send_test_queues_a_signed_test_delivery(admin_client, endpoint, receiver):
    hook = endpoint()
    url = reverse("webhook_endpoints:send_test", args=[hook.pk])

    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert "csrfmiddlewaretoken" in confirm.content.decode()

    response = admin_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("webhook_deliveries:index") + f"?endpoint={hook.pk}"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.event, delivery.status) == ("test", DeliveryStatus.PENDING)


def test_send_test_is_delivered_by_the_worker(admin_client, endpoint, receiver, django_capture_on_commit_callbacks):
    hook = endpoint()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("webhook_endpoints:send_test", args=[hook.pk]))

    run_worker()

    assert [payload["event"] for payload in receiver.payloads()] == ["test"]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED


def test_send_test_is_csrf_protected(django_user_model, endpoint):
    hook = endpoint()
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "password")
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)

    response = client.post(reverse("webhook_endpoints:send_test", args=[hook.pk]))

    assert response.status_code == 403
    assert not WebhookDelivery.objects.exists()


def test_deliveries_list_shows_status_code_latency_and_error(admin_client, endpoint):
    hook = endpoint()
    WebhookDelivery.objects.create(
        endpoint=hook,
        event="publish",
        payload={"event": "publish"},
        status=DeliveryStatus.RETRYING,
        attempts=2,
        status_code=502,
        latency_ms=1234,
        error="HTTP 502 Bad Gateway",
    )

    page = admin_client.get(reverse("webhook_deliveries:index"), {"endpoint": hook.pk}).content.decode()

    for text in ("Ponawiane", "502", "1234", "HTTP 502 Bad Gateway", "Frontend"):  # the admin's default: Polish
        assert text in page
    assert reverse("webhook_deliveries:add") not in page  # a record, not something to write


def test_delivery_details_show_the_payload_and_every_attempt(admin_client, endpoint):
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint(),
        event="publish",
        payload={"event": "publish", "path": "/dobre-praktyki/x/"},
        attempt_log=[{"attempt": 1, "status_code": 500, "latency_ms": 12, "error": "HTTP 500"}],
    )

    page = admin_client.get(reverse("webhook_deliveries:inspect", args=[delivery.pk])).content.decode()

    assert "/dobre-praktyki/x/" in page
    assert "HTTP 500" in page


def test_deliveries_cannot_be_edited_even_by_administrators(admin_client, endpoint):
    delivery = WebhookDelivery.objects.create(endpoint=endpoint(), event="publish", payload={})

    assert refused(admin_client.get(reverse("webhook_deliveries:edit", args=[delivery.pk])))
    assert refused(admin_client.post(reverse("webhook_deliveries:delete", args=[delivery.pk])))
    assert WebhookDelivery.objects.filter(pk=delivery.pk).exists()


@pytest.mark.parametrize(
    "url_name",
    ["webhook_endpoints:index", "webhook_endpoints:add", "webhook_deliveries:index"],
)
def test_editors_who_are_not_administrators_are_refused(editor_client, url_name):
    assert refused(editor_client.get(reverse(url_name)))


def test_editors_cannot_send_tests_or_see_the_menu(editor_client, endpoint):
    hook = endpoint()

    assert refused(editor_client.post(reverse("webhook_endpoints:send_test", args=[hook.pk])))
    assert not WebhookDelivery.objects.exists()
    assert reverse("webhook_endpoints:index") not in editor_client.get(reverse("wagtailadmin_home")).content.decode()


def test_administrators_see_the_menu(admin_client):
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("webhook_endpoints:index") in home
    assert reverse("webhook_deliveries:index") in home


# What an administrator whose admin language is Polish or Czech reads on the webhook screens.
IN_THEIR_LANGUAGE = {
    "pl": {
        "menu": ["Webhooki", "Punkty końcowe", "Dostarczenia"],
        "endpoints": ["Punkty końcowe webhooków", "Aktywny", "Zdarzenia", "Publikacja, Przeniesienie", "Wyślij test"],
        "deliveries": ["Dostarczenia webhooków", "Zdarzenie", "Kod odpowiedzi", "Czas odpowiedzi (ms)", "Ponawiane"],
        "form": [
            "Sekret",
            "Co wysyłać.",
            "Wycofanie publikacji",
            "Usunięcie",
            "Strona z listą",
            "Tylko te typy;",
            "Temat",
        ],
        "wagtail_delete": "Usuń",
    },
    "cs": {
        "menu": ["Webhooky", "Koncové body", "Doručení"],
        "endpoints": ["Koncové body webhooků", "Aktivní", "Události", "Publikování, Přesunutí", "Odeslat test"],
        "deliveries": ["Doručení webhooků", "Událost", "Stavový kód", "Doba odezvy (ms)", "Opakované"],
        "form": [
            "Tajný klíč",
            "Co odesílat.",
            "Zrušení publikování",
            "Smazání",
            "Přehledová stránka",
            "Jen tyto typy;",
            "Téma",
        ],
        "wagtail_delete": "Smazat",
    },
}


@pytest.mark.parametrize("language", ["pl", "cs"])
def test_the_webhook_admin_speaks_the_administrators_language(admin_client, endpoint, language):
    profile = UserProfile.get_for_user(admin_client.user)
    profile.preferred_language = language
    profile.save()
    hook = endpoint(events=["publish", "move"])
    WebhookDelivery.objects.create(endpoint=hook, event="publish", payload={}, status=DeliveryStatus.RETRYING)
    expected = IN_THEIR_LANGUAGE[language]

    endpoints = admin_client.get(reverse("webhook_endpoints:index")).content.decode()
    deliveries = admin_client.get(reverse("webhook_deliveries:index")).content.decode()
    form = admin_client.get(reverse("webhook_endpoints:add")).content.decode()

    for label in expected["menu"] + expected["endpoints"]:
        assert label in endpoints
    for label in expected["deliveries"]:
        assert label in deliveries
    for label in expected["form"]:
        assert label in form
    # The webhook event "Delete" has its own translation; Wagtail's Delete button keeps Wagtail's.
    delete_url = reverse("webhook_endpoints:delete", args=[hook.pk])
    delete_link = re.search(f'href="{delete_url}".*?</a>', endpoints, re.DOTALL).group()
    assert expected["wagtail_delete"] in delete_link


def failed_delivery(hook, **fields):
    return WebhookDelivery.objects.create(
        endpoint=hook,
        event="publish",
        payload={"event": "publish"},
        status=DeliveryStatus.FAILED,
        attempts=6,
        status_code=503,
        error="HTTP 503 Service Unavailable",
        attempt_log=[{"attempt": 6, "status_code": 503, "latency_ms": 5, "error": "HTTP 503"}],
        **fields,
    )


def test_resend_sends_a_failed_delivery_again_with_its_id(admin_client, endpoint, receiver):
    delivery = failed_delivery(endpoint())
    url = reverse("webhook_deliveries:resend", args=[delivery.pk])

    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert "csrfmiddlewaretoken" in confirm.content.decode()
    response = admin_client.post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("webhook_deliveries:index") + f"?endpoint={delivery.endpoint_id}"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 0)
    assert delivery.attempt_log[-1]["resent_by"] == "admin"
    assert run_worker() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.SUCCEEDED, 1, 200)
    (request,) = receiver.requests
    assert request["headers"]["X-A4B-Delivery"] == str(delivery.pk)
    assert len(delivery.attempt_log) == 3  # the earlier attempt, the resend, the new attempt


def test_a_resent_delivery_gets_the_full_number_of_attempts(admin_client, endpoint, receiver, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    receiver.statuses.extend([500, 500])
    delivery = failed_delivery(endpoint())

    admin_client.post(reverse("webhook_deliveries:resend", args=[delivery.pk]))
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.RETRYING, 1)
    run_worker(at=delivery.next_attempt_at)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 2)
    assert len(receiver.requests) == 2


@pytest.mark.parametrize("status", [DeliveryStatus.PENDING, DeliveryStatus.RETRYING, DeliveryStatus.SUCCEEDED])
def test_only_failed_deliveries_can_be_resent(admin_client, endpoint, status):
    delivery = WebhookDelivery.objects.create(endpoint=endpoint(), event="publish", payload={}, status=status)

    response = admin_client.post(reverse("webhook_deliveries:resend", args=[delivery.pk]), follow=True)

    (message,) = response.context["messages"]
    assert (message.level_tag, str(message)) == ("error", "Ponownie wysłać można tylko nieudane dostarczenia.")
    delivery.refresh_from_db()
    assert delivery.status == status
    assert not DBTaskResult.objects.exists()


def test_a_delivery_to_an_inactive_endpoint_is_not_resent(admin_client, endpoint):
    delivery = failed_delivery(endpoint(is_active=False))

    response = admin_client.post(reverse("webhook_deliveries:resend", args=[delivery.pk]), follow=True)

    (message,) = response.context["messages"]
    assert (message.level_tag, str(message)) == (
        "error",
        "„Frontend” jest nieaktywny: aktywuj punkt końcowy, a potem wyślij ponownie.",
    )
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert not DBTaskResult.objects.exists()


def test_the_resend_button_is_shown_for_failed_deliveries_only(admin_client, endpoint):
    hook = endpoint()
    failed = failed_delivery(hook)
    others = [
        WebhookDelivery.objects.create(endpoint=hook, event="publish", payload={}, status=status)
        for status in (DeliveryStatus.PENDING, DeliveryStatus.RETRYING, DeliveryStatus.SUCCEEDED)
    ]

    listing = admin_client.get(reverse("webhook_deliveries:index")).content.decode()
    assert reverse("webhook_deliveries:resend", args=[failed.pk]) in listing
    for other in others:
        assert reverse("webhook_deliveries:resend", args=[other.pk]) not in listing
        inspect = admin_client.get(reverse("webhook_deliveries:inspect", args=[other.pk])).content.decode()
        assert "/resend/" not in inspect
    inspect = admin_client.get(reverse("webhook_deliveries:inspect", args=[failed.pk])).content.decode()
    assert reverse("webhook_deliveries:resend", args=[failed.pk]) in inspect


def test_resend_is_for_administrators_only_and_csrf_protected(editor_client, django_user_model, endpoint):
    delivery = failed_delivery(endpoint())
    url = reverse("webhook_deliveries:resend", args=[delivery.pk])
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "password")
    no_csrf = Client(enforce_csrf_checks=True)
    no_csrf.force_login(admin)

    assert refused(editor_client.get(url))
    assert refused(editor_client.post(url))
    assert no_csrf.post(url).status_code == 403
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert not DBTaskResult.objects.exists()
