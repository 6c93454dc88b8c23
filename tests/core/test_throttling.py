"""Rate limits: keyed on the real client address, on the API, the widgets and the feeds alike."""

import pytest

from core.api.throttling import client_address

LIST = "/api/v2/practices/"


@pytest.fixture
def one_proxy(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


def test_a_rotating_x_forwarded_for_does_not_open_new_windows(client, content, rate_limit):
    statuses = [client.get(LIST, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(6)]

    assert statuses == [200, 200, 200, 429, 429, 429]


def test_behind_one_proxy_the_address_it_appended_is_the_client(client, content, rate_limit, one_proxy):
    spoofed = [
        client.get(LIST, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7", REMOTE_ADDR="10.0.0.2").status_code
        for n in range(4)
    ]
    other_client = client.get(LIST, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.8", REMOTE_ADDR="10.0.0.2")

    assert spoofed == [200, 200, 200, 429]
    assert other_client.status_code == 200


def test_client_address_follows_drfs_proxy_rule(rf, one_proxy):
    request = rf.get(LIST, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7", REMOTE_ADDR="10.0.0.2")

    assert client_address(request) == "203.0.113.7"
    assert client_address(rf.get(LIST, REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"


def test_without_a_trusted_proxy_the_header_is_ignored(rf):
    request = rf.get(LIST, HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.2")

    assert client_address(request) == "10.0.0.2"


def test_an_entry_that_is_not_an_address_falls_back_to_the_peer(rf, one_proxy):
    request = rf.get(LIST, HTTP_X_FORWARDED_FOR="x" * 5000, REMOTE_ADDR="10.0.0.2")

    assert client_address(request) == "10.0.0.2"


def test_an_ipv6_client_is_one_client_across_its_64(rf):
    def address(remote):
        return client_address(rf.get(LIST, REMOTE_ADDR=remote))

    assert address("2001:db8:1:2::1") == address("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert address("2001:db8:1:3::1") != address("2001:db8:1:2::1")
    assert address("::ffff:192.0.2.1") == "192.0.2.1"


@pytest.mark.parametrize(
    "path",
    [
        "/embed/pl/practices/",
        "/embed/pl/events/",
        "/feeds/pl/practices.rss",
        "/feeds/pl/events.atom",
        "/feeds/pl/events.ics",
    ],
)
def test_widgets_and_feeds_are_rate_limited(client, content, rate_limit, path):
    statuses = [client.get(path).status_code for _ in range(4)]
    refused = client.get(path)

    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("text/plain")
    assert 0 < int(refused["Retry-After"]) <= 60


def test_one_budget_per_client_across_the_api_widgets_and_feeds(client, content, rate_limit):
    statuses = [client.get(path).status_code for path in (LIST, "/embed/pl/practices/", "/feeds/pl/practices.rss")]

    assert statuses == [200, 200, 200]
    assert client.get(f"/embed/pl/practice/{content.practice.pk}/").status_code == 429
