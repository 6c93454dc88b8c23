"""HTTP behaviour of the public API: conditional caching and invalidation, rate limits, CORS, errors.

These run against whatever cache the settings configure: local memory by
default, the real Redis server when REDIS_URL is set (as in CI).
"""

import datetime

from django.core.cache import cache
from django.utils.http import http_date
from wagtail.models import PageViewRestriction

from core.api.response_cache import recent_bodies, response_key
from practices.factories import PracticeIndexPageFactory, PracticePageFactory

LIST = "/api/v2/practices/"


def titles(client, **query):
    return [item["title"] for item in client.get(LIST, query).json()["results"]]


def test_responses_carry_a_strong_etag_last_modified_and_cache_control(client, content, settings):
    settings.API_CACHE_MAX_AGE = 120
    response = client.get(LIST)

    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    assert response["Last-Modified"]
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=120"}


def test_if_none_match_gives_304_without_a_body(client, content):
    etag = client.get(LIST)["ETag"]

    response = client.get(LIST, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_gives_304_until_content_changes(client, content):
    last_modified = client.get(LIST)["Last-Modified"]

    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    content.practice.save_revision().publish()
    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_the_same_url_is_served_from_the_cache(client, content, django_assert_num_queries):
    first = client.get(LIST)

    with django_assert_num_queries(0):
        second = client.get(LIST)

    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Length"] == str(len(second.content))


def test_a_stored_response_whose_body_is_gone_is_rendered_again(client, content):
    first = client.get(LIST)
    cache.delete(response_key("http://testserver" + LIST))
    recent_bodies.items.clear()

    again = client.get(LIST)
    not_modified = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert not_modified.status_code == 304
    assert not_modified.content == b""


def test_a_publish_is_visible_on_the_next_request(client, site_tree, content):
    assert titles(client) == ["Wspólny bilet"]
    old_etag = client.get(LIST)["ETag"]

    PracticePageFactory(parent=site_tree.practices, title="Nowa praktyka")

    assert "Nowa praktyka" in titles(client)
    assert client.get(LIST, HTTP_IF_NONE_MATCH=old_etag).status_code == 200


def test_unpublish_delete_move_and_privacy_are_visible_on_the_next_request(client, site_tree, content):
    extra = PracticePageFactory(parent=site_tree.practices, title="Druga")
    assert "Druga" in titles(client)

    extra.unpublish()
    assert "Druga" not in titles(client)

    extra.save_revision().publish()
    assert "Druga" in titles(client)

    archive = PracticeIndexPageFactory(parent=site_tree.home, title="Archiwum", slug="archiwum", live=False)
    extra.move(archive, pos="last-child")
    assert "Druga" not in titles(client)

    PageViewRestriction.objects.create(page=content.practice, restriction_type="password", password="x")
    assert titles(client) == []

    content.practice.delete()
    assert client.get(f"{LIST}{content.practice.pk}/").status_code == 404


def test_a_snippet_change_is_visible_on_the_next_request(client, content):
    assert client.get(LIST).json()["results"][0]["topics"][0]["name"] == "Mobilność"

    content.topic.name = "Mobilność i transport"
    content.topic.save()

    assert client.get(LIST).json()["results"][0]["topics"][0]["name"] == "Mobilność i transport"


def test_anonymous_clients_are_rate_limited_with_retry_after(client, content, rate_limit):
    statuses = [client.get(LIST).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get(LIST, HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "detail" in response.json()


def test_rate_limit_counts_per_client_address(client, content, rate_limit):
    for _ in range(3):
        client.get(LIST, REMOTE_ADDR="10.0.0.1")

    assert client.get(LIST, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get(LIST, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_cors_allows_any_origin_to_read_the_api(client, content):
    response = client.get(LIST, HTTP_ORIGIN="https://gmina.example.pl")
    preflight = client.options(LIST, HTTP_ORIGIN="https://gmina.example.pl", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_cors_allow_list_when_configured(client, content, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = False
    settings.CORS_ALLOWED_ORIGINS = ["https://olomouc.example.cz"]

    allowed = client.get(LIST, HTTP_ORIGIN="https://olomouc.example.cz")
    other = client.get(LIST, HTTP_ORIGIN="https://elsewhere.example.com")

    assert allowed["Access-Control-Allow-Origin"] == "https://olomouc.example.cz"
    assert "Access-Control-Allow-Origin" not in other


def test_cors_never_applies_to_the_admin(client, db):
    response = client.get("/admin/login/", HTTP_ORIGIN="https://gmina.example.pl")

    assert "Access-Control-Allow-Origin" not in response


def test_writes_are_refused_with_a_json_405(client, content):
    response = client.post(LIST, {"title": "x"})

    assert response.status_code == 405
    assert response.json() == {"detail": 'Method "POST" not allowed.'}


def test_error_messages_are_in_english_whatever_the_portal_language(client, content):
    response = client.get(LIST, {"limit": "x"}, HTTP_ACCEPT_LANGUAGE="pl")

    assert response.json()["errors"]["limit"] == ["Must be an integer between 1 and 100."]


def test_unknown_api_urls_are_json_404(client, db):
    response = client.get("/api/v2/nothing-here/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_detail_of_a_draft_only_event_is_404(client, site_tree, content):
    content.event.unpublish()

    assert client.get(f"/api/v2/events/{content.event.pk}/").status_code == 404
    assert client.get(f"/api/v2/events/{content.event_cs.pk}/").status_code == 200


def test_last_modified_is_not_in_the_future(client, content):
    response = client.get(LIST)
    modified = datetime.datetime.strptime(response["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT")

    assert modified <= datetime.datetime.utcnow() + datetime.timedelta(seconds=1)


def test_list_count_follows_content_changes(client, site_tree, content):
    assert client.get(LIST, {"limit": 1}).json()["count"] == 1

    PracticePageFactory(parent=site_tree.practices, title="Trzecia")

    assert client.get(LIST, {"limit": 1}).json()["count"] == 2
    assert client.get(LIST, {"limit": 2}).json()["count"] == 2


def test_a_list_count_is_kept_in_the_process_for_its_content_version(client, site_tree, content, monkeypatch):
    assert client.get(LIST, {"limit": 1}).json()["count"] == 1
    asked = []
    shared_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda key, *args, **kwargs: asked.append(key) or shared_get(key, *args, **kwargs)
    )

    assert client.get(LIST, {"limit": 2}).json()["count"] == 1
    assert client.get(LIST, {"limit": 2, "offset": 1}).json()["count"] == 1

    assert not [key for key in asked if key.startswith("a4b:api:count:")]


def test_an_image_whose_file_is_gone_is_left_out_not_a_server_error(client, content):
    content.image.file.storage.delete(content.image.file.name)
    content.image.renditions.all().delete()

    response = client.get(f"{LIST}{content.practice.pk}/")

    assert response.status_code == 200
    assert response.json()["main_image"] is None
