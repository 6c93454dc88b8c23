"""The response cache: what is stored, under which key, and what each process keeps of it.

Bodies kept in each process for cache hits are bounded in bytes, least
recently used out first; stored answers are keyed on scheme, host and path,
and widgets and feeds are kept like the API's answers.
"""

import pytest
from django.core.cache import cache

from core.api.response_cache import RecentBodies, asked_before, response_key

LIST = "/api/v2/practices/"


def test_recent_bodies_drop_the_least_recently_used_beyond_their_limit():
    bodies = RecentBodies(limit=10)
    bodies.keep('"a"', b"aaaa")
    bodies.keep('"b"', b"bbbb")
    assert bodies.get('"a"') == b"aaaa"

    bodies.keep('"c"', b"cccc")

    assert bodies.get('"b"') is None
    assert (bodies.get('"a"'), bodies.get('"c"')) == (b"aaaa", b"cccc")
    assert bodies.size == 8


def test_a_body_larger_than_the_limit_is_not_kept():
    bodies = RecentBodies(limit=10)
    bodies.keep('"a"', b"aaaa")

    bodies.keep('"big"', b"x" * 11)

    assert bodies.get('"big"') is None
    assert bodies.get('"a"') == b"aaaa"


def test_stored_answers_are_kept_per_scheme_and_host(client, content):
    poisoned = client.get(LIST, HTTP_HOST="localhost").json()
    answer = client.get(LIST).json()
    secure = client.get(LIST, secure=True).json()

    assert poisoned["results"][0]["api_url"].startswith("http://localhost/api/v2/")
    assert answer["results"][0]["api_url"].startswith("http://testserver/api/v2/")
    assert secure["results"][0]["api_url"].startswith("https://testserver/api/v2/")


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/embed/pl/practices/", "text/html"),
        ("/feeds/pl/practices.rss", "application/rss+xml"),
        ("/feeds/cs/events.atom", "application/atom+xml"),
        ("/feeds/pl/events.ics", "text/calendar"),
    ],
)
def test_widgets_and_feeds_are_rendered_once_per_content_version(
    client, content, django_assert_num_queries, path, content_type
):
    first = client.get(path)

    with django_assert_num_queries(0):
        second = client.get(path)
    not_modified = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"] and first["Content-Type"].startswith(content_type)
    assert second["ETag"] == first["ETag"]
    assert not_modified.status_code == 304


def test_a_kept_widget_stays_framable_and_a_kept_feed_does_not(client, content):
    widget = f"/embed/pl/practice/{content.practice.pk}/"
    first_widget, kept_widget = client.get(widget), client.get(widget)
    first_feed, kept_feed = client.get("/feeds/pl/practices.rss"), client.get("/feeds/pl/practices.rss")

    for response in (first_widget, kept_widget):
        assert "frame-ancestors *" in response["Content-Security-Policy"]
        assert not response.has_header("X-Frame-Options")
        assert response["Content-Language"] == "pl"
    assert first_feed["X-Frame-Options"] == kept_feed["X-Frame-Options"] == "DENY"


def test_a_kept_widget_or_feed_follows_content_changes(client, content):
    assert "Wspólny bilet" in client.get("/embed/pl/practices/").content.decode()
    assert "Wspólny bilet" in client.get("/feeds/pl/practices.rss").content.decode()

    content.practice.unpublish()

    assert "Wspólny bilet" not in client.get("/embed/pl/practices/").content.decode()
    assert "Wspólny bilet" not in client.get("/feeds/pl/practices.rss").content.decode()


def test_a_search_is_stored_from_its_second_request_on_and_only_its_first_page(client, content):
    asked_before.seen.clear()
    first_page = "/api/v2/search/?q=bilet"
    deep_page = "/api/v2/search/?q=bilet&offset=1"

    assert client.get(first_page).status_code == client.get(deep_page).status_code == 200
    assert not cache.has_key(response_key("http://testserver" + first_page))
    assert client.get(first_page).status_code == client.get(deep_page).status_code == 200

    assert cache.has_key(response_key("http://testserver" + first_page))
    assert not cache.has_key(response_key("http://testserver" + deep_page))
