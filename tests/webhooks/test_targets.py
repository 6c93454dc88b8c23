"""Webhooks go to public HTTP(S) addresses only: refused in the admin form and again at every delivery.

The delivery tests use real sockets: an "internal service" listens on 127.0.0.1 and
must never receive a byte unless WEBHOOK_ALLOWED_NETWORKS allows loopback.
"""

import logging
import socket
import ssl
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from tests.webhooks.conftest import Receiver, run_worker
from webhooks import targets
from webhooks.delivery import REFUSED
from webhooks.models import DeliveryStatus, WebhookEndpoint
from webhooks.tasks import queue_deliveries

pytestmark = pytest.mark.django_db

#: Each URL the probe used to reach internal services with, and a few spellings of the same addresses.
FORBIDDEN_URLS = [
    "http://127.0.0.1:6379/",
    "http://[::1]:5432/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.5/hook",
    "http://172.16.3.4/hook",
    "http://192.168.1.1/hook",
    "http://100.64.0.1/hook",
    "http://0.0.0.0:8000/",
    "http://[::]:8000/",
    "http://[::ffff:127.0.0.1]:6379/",
    "http://[fe80::1]/hook",
    "http://[fd00::1]/hook",
    "http://2130706433:6379/",
    "http://127.1:6379/",
    "http://localhost:6379/",
]
NOT_HTTP = ["ftp://files.example.org/hook", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO"]


@pytest.fixture
def nothing_internal_allowed(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = []


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "password"))
    return client


def add_endpoint(client, url):
    return client.post(
        reverse("webhook_endpoints:add"),
        {"name": "Probe", "url": url, "secret": "s", "is_active": "on", "events": ["publish"]},
    )


def url_error_codes(response):
    assert response.status_code == 200
    return [error.code for error in response.context["form"].errors.as_data()["url"]]


#: Numeric spellings Django's URL validator already refuses as malformed; the delivery must refuse them too.
MALFORMED_FOR_DJANGO = {"http://2130706433:6379/", "http://127.1:6379/"}


@pytest.mark.usefixtures("nothing_internal_allowed")
@pytest.mark.parametrize("url", FORBIDDEN_URLS)
def test_the_form_refuses_an_internal_address(admin_client, url):
    codes = url_error_codes(add_endpoint(admin_client, url))

    assert codes == (["invalid"] if url in MALFORMED_FOR_DJANGO else ["forbidden_address"])
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.usefixtures("nothing_internal_allowed")
@pytest.mark.parametrize("url", NOT_HTTP)
def test_the_form_refuses_other_schemes(admin_client, url):
    """Django's URL field already refuses all but (s)ftp and http(s); ftp is refused here."""
    codes = url_error_codes(add_endpoint(admin_client, url))

    assert codes == (["scheme"] if url.startswith("ftp:") else ["invalid"])
    assert not WebhookEndpoint.objects.exists()


def test_the_form_says_why_in_the_administrators_language(admin_client, nothing_internal_allowed):
    """Polish is the admin's default language; the address and the setting to change stay as they are."""
    (error,) = add_endpoint(admin_client, "http://localhost:6379/").context["form"].errors["url"]
    (ip_error,) = add_endpoint(admin_client, "http://169.254.169.254/").context["form"].errors["url"]
    (scheme_error,) = add_endpoint(admin_client, "ftp://files.example.org/").context["form"].errors["url"]

    assert error.startswith("localhost prowadzi do 127.0.0.1")
    assert "WEBHOOK_ALLOWED_NETWORKS" in error
    assert ip_error.startswith("169.254.169.254 należy do sieci")
    assert "https://" in scheme_error and "HTTP" in scheme_error


def test_the_form_accepts_an_allowed_network_and_a_name_that_does_not_resolve_yet(admin_client, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]

    assert add_endpoint(admin_client, "http://127.0.0.1:3000/api/revalidate").status_code == 302
    assert add_endpoint(admin_client, "https://hooks.invalid/a4b").status_code == 302
    assert WebhookEndpoint.objects.count() == 2


@pytest.fixture
def internal_service(receiver):
    """A service on 127.0.0.1 that must see nothing (the `receiver` fixture's server)."""
    return receiver


def delivered_to(url):
    """Queue a test delivery to an endpoint saved with `url` (as one saved before the check existed) and run it."""
    endpoint = WebhookEndpoint.objects.create(name="Old", url=url, secret="s", events=["publish"])
    (delivery,) = queue_deliveries([endpoint], event="test", payload={"event": "test"})
    run_worker()
    delivery.refresh_from_db()
    return delivery


@pytest.mark.usefixtures("nothing_internal_allowed")
@pytest.mark.parametrize("url", [*FORBIDDEN_URLS, *NOT_HTTP])
def test_a_delivery_to_a_forbidden_url_is_refused_without_connecting(internal_service, url, caplog):
    url = url.replace(":6379", f":{internal_service.port}")

    with caplog.at_level(logging.WARNING, logger="webhooks.delivery"):
        delivery = delivered_to(url)

    assert internal_service.requests == []
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.FAILED, 1, None)
    assert delivery.error == REFUSED
    assert delivery.attempt_log[-1]["error"] == REFUSED
    assert f"Webhook delivery {delivery.pk} to {url} refused" in caplog.text


def test_localhost_is_refused_at_delivery_when_loopback_is_not_allowed(internal_service, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    refused = delivered_to(f"http://localhost:{internal_service.port}/hook")

    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    allowed = delivered_to(f"http://localhost:{internal_service.port}/hook")

    assert refused.error == REFUSED
    assert allowed.status == DeliveryStatus.SUCCEEDED
    assert len(internal_service.requests) == 1


def test_an_open_and_a_closed_internal_port_look_the_same(internal_service, nothing_internal_allowed):
    """The log must not become a port scanner: no status, no latency to tell them apart, no service's words."""
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed_port = unused.getsockname()[1]

    open_port = delivered_to(internal_service.url)
    closed = delivered_to(f"http://127.0.0.1:{closed_port}/hook")

    assert (open_port.status_code, open_port.error) == (closed.status_code, closed.error) == (None, REFUSED)
    assert internal_service.requests == []


def test_a_redirect_to_an_internal_address_is_not_followed(endpoint, receiver, internal_service):
    """The receiver is allowed; where it redirects to is never asked, allowed or not."""
    other = Receiver().start()
    try:
        receiver.statuses.append(307)
        receiver.location = other.url
        (delivery,) = queue_deliveries([endpoint()], event="test", payload={"event": "test"})
        run_worker()
    finally:
        other.stop()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.status_code) == (DeliveryStatus.RETRYING, 307)
    assert len(receiver.requests) == 1
    assert other.requests == []


def test_the_request_goes_to_the_address_that_was_checked(settings, monkeypatch):
    """DNS rebinding: the name resolves to an allowed address for the check, to an internal one a moment later.

    Two servers on one port: the allowed receiver on 127.0.0.2, the "internal
    service" on 127.0.0.1. The delivery must resolve once and connect there.
    """
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.2/32"]
    allowed = Receiver(host="127.0.0.2").start()
    internal = Receiver(host="127.0.0.1", port=allowed.port).start()
    answers = iter(["127.0.0.2"])
    real_getaddrinfo = socket.getaddrinfo

    def rebinding_getaddrinfo(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real_getaddrinfo(host, port, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    try:
        delivery = delivered_to(f"http://rebind.example:{allowed.port}/hook")
    finally:
        allowed.stop()
        internal.stop()

    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert len(allowed.requests) == 1
    assert allowed.requests[0]["headers"]["Host"] == f"rebind.example:{allowed.port}"
    assert internal.requests == []


def test_https_connects_to_the_checked_address_and_verifies_the_certificate_for_the_name(tmp_path, monkeypatch):
    """The socket goes to the pinned address; TLS still sends the name (SNI) and checks the certificate against it."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=receiver.test"]
        + ["-addext", "subjectAltName=DNS:receiver.test", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    receiver = Receiver(tls=server_context).start()
    real_getaddrinfo, real_context = socket.getaddrinfo, ssl.create_default_context

    def resolve_test_names(host, port, *args, **kwargs):
        if host.endswith(".test"):
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve_test_names)
    monkeypatch.setattr(ssl, "create_default_context", lambda *args, **kwargs: real_context(cafile=str(cert)))
    try:
        trusted = delivered_to(f"https://receiver.test:{receiver.port}/hook")
        mismatched = delivered_to(f"https://other.test:{receiver.port}/hook")
    finally:
        receiver.stop()

    assert (trusted.status, trusted.status_code) == (DeliveryStatus.SUCCEEDED, 200)
    assert receiver.requests[0]["headers"]["Host"] == f"receiver.test:{receiver.port}"
    assert mismatched.status == DeliveryStatus.RETRYING
    assert "certificate verify failed" in mismatched.error and "other.test" in mismatched.error
    assert len(receiver.requests) == 1


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "::1",
        "169.254.169.254",
        "10.1.2.3",
        "172.31.255.255",
        "192.168.0.10",
        "100.64.0.1",
        "0.0.0.0",
        "::",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
        "fe80::1%1",
        "fc00::1",
        "224.0.0.1",
        "198.18.0.1",
    ],
)
def test_addresses_outside_the_public_internet_are_refused(settings, address):
    settings.WEBHOOK_ALLOWED_NETWORKS = []

    with pytest.raises(targets.ForbiddenTarget):
        targets.check_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700:4700::1111", "::ffff:93.184.215.14"])
def test_public_addresses_are_allowed(settings, address):
    settings.WEBHOOK_ALLOWED_NETWORKS = []

    targets.check_address(address)


def test_an_allowed_network_opens_that_network_only(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["10.1.2.0/24", "::1/128"]

    targets.check_address("10.1.2.200")
    targets.check_address("::1")
    for address in ("10.1.3.1", "127.0.0.1"):
        with pytest.raises(targets.ForbiddenTarget):
            targets.check_address(address)


def test_the_unspecified_address_is_refused_even_when_allowed(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["0.0.0.0/0"]

    with pytest.raises(targets.ForbiddenTarget):
        targets.check_address("0.0.0.0")


def test_a_mistyped_allowed_network_fails_the_system_checks(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["10.0.0.0/8", "intranet"]

    with pytest.raises(SystemCheckError, match="webhooks.E001"):
        call_command("check")
