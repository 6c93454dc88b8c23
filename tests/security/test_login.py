"""Admin sign-in limits: failures per account and per client address lock signing in, the right password too."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.urls import reverse
from django.utils import timezone

from core.api.throttling import client_address as throttled_client
from security.login import client_address

PASSWORD = "the-right-password"
LIMIT = 5


@pytest.fixture(autouse=True)
def limits(settings):
    settings.LOGIN_FAILURE_LIMIT = settings.AXES_FAILURE_LIMIT = LIMIT
    settings.LOGIN_LOCKOUT_MINUTES = 15
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_the_right_password_is_refused_after_the_limit_of_wrong_ones(client, editor):
    statuses = [sign_in(client, "editor", f"wrong-{attempt}").status_code for attempt in range(LIMIT)]

    response = sign_in(client, "editor", PASSWORD)

    assert statuses == [200] * (LIMIT - 1) + [429]
    assert response.status_code == 429
    assert not signed_in(client)
    assert "Zbyt wiele nieudanych prób logowania" in response.content.decode()
    assert "na 15 minut;" in response.content.decode()


@pytest.mark.django_db
def test_fewer_failures_than_the_limit_still_let_the_right_password_in_and_start_the_count_again(client, editor):
    for attempt in range(LIMIT - 1):
        sign_in(client, "editor", f"wrong-{attempt}")

    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)
    assert not AccessAttempt.objects.filter(username="editor").exists()


@pytest.mark.django_db
def test_an_account_is_locked_whatever_address_the_failures_come_from(client, editor):
    for attempt in range(LIMIT):
        sign_in(client, "editor", "wrong", address=f"198.51.100.{attempt + 1}")

    response = sign_in(client, "editor", PASSWORD, address="192.0.2.200")

    assert response.status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_an_address_is_locked_whatever_accounts_it_tries(client, editor):
    for attempt in range(LIMIT):
        sign_in(client, f"guess-{attempt}", "wrong")

    blocked = sign_in(client, "editor", PASSWORD)
    elsewhere = sign_in(client, "editor", PASSWORD, address="192.0.2.200")

    assert blocked.status_code == 429
    assert elsewhere.status_code == 302


@pytest.mark.django_db
def test_rotating_x_forwarded_for_behind_the_trusted_proxy_does_not_give_a_fresh_address(client, editor, settings):
    """The proxy appends the real address; whatever the client wrote to the left of it is not the client."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = "10.0.0.2"
    for attempt in range(LIMIT):
        sign_in(
            client, f"guess-{attempt}", "wrong", address=proxy, HTTP_X_FORWARDED_FOR=f"10.9.9.{attempt}, 203.0.113.7"
        )

    spoofed = sign_in(client, "editor", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="10.9.9.99, 203.0.113.7")
    another_client = sign_in(client, "editor", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")

    assert spoofed.status_code == 429
    assert another_client.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


@pytest.mark.django_db
def test_an_ipv6_client_is_its_whole_64_network_as_for_the_api_throttle(client, editor):
    for attempt in range(LIMIT):
        sign_in(client, f"guess-{attempt}", "wrong", address=f"2001:db8:1:2::{attempt + 1:x}")

    same_network = sign_in(client, "editor", PASSWORD, address="2001:db8:1:2:ffff::1")
    next_network = sign_in(client, "editor", PASSWORD, address="2001:db8:1:3::1")

    assert same_network.status_code == 429
    assert next_network.status_code == 302


def test_the_sign_in_limit_and_the_api_throttle_see_the_same_client(rf, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    requests = [
        rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7"),
        rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="2001:db8::1"),
        rf.get("/", REMOTE_ADDR="10.0.0.2"),
    ]

    assert [throttled_client(request) for request in requests] == ["203.0.113.7", "2001:db8::/64", "10.0.0.2"]
    assert [client_address(request) for request in requests] == ["203.0.113.7", "2001:db8::", "10.0.0.2"]


@pytest.mark.django_db
def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, editor):
    for attempt in range(LIMIT):
        sign_in(client, f"guess-{attempt}", "wrong", HTTP_X_FORWARDED_FOR=f"10.9.9.{attempt}")

    response = sign_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.99")

    assert response.status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "Zbyt wiele nieudanych prób logowania"),
        ("cs", "Příliš mnoho neúspěšných pokusů o přihlášení"),
        ("en", "Signing in is blocked for 15 minutes"),
    ],
)
def test_the_lockout_is_explained_in_the_admin_language(client, editor, language, expected):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong", HTTP_ACCEPT_LANGUAGE=language)

    response = sign_in(client, "editor", PASSWORD, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 429
    assert f'<html lang="{language}"' in response.content.decode()
    assert expected in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "language"), [("cs-CZ,cs;q=0.9", "cs"), ("de,en;q=0.5", "en"), ("de", "pl"), ("", "pl")]
)
def test_the_sign_in_page_speaks_the_browsers_admin_language(client, accept_language, language):
    response = client.get(reverse("wagtailadmin_login"), headers={"accept-language": accept_language})

    assert f'<html lang="{language}"' in response.content.decode()
    assert response["Content-Language"] == language


@pytest.mark.django_db
def test_signing_in_works_again_once_the_lockout_has_passed(client, editor):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_authenticating_without_a_request_is_left_to_the_password_check(editor):
    """Commands and the test client's login() authenticate with no client to count."""
    assert authenticate(username="editor", password=PASSWORD) == editor
    assert authenticate(username="editor", password="wrong") is None
