"""Content-Security-Policy headers: strict on the site's HTML, Wagtail's needs in the admin, widgets keep theirs."""

import re

import pytest
from django.urls import reverse

from tests.conftest import build_polish_tree


def policy(response):
    """The response's policy as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in header.split(";"))}


@pytest.mark.django_db
def test_the_admin_allows_wagtails_inline_code_and_nothing_from_elsewhere(client):
    directives = policy(client.get(reverse("wagtailadmin_login")))

    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert not any("unsafe-eval" in source for sources in directives.values() for source in sources)
    assert not any(source.startswith("'nonce-") for sources in directives.values() for source in sources)


@pytest.mark.django_db
def test_the_admin_may_frame_the_frontends_preview_route(client, settings):
    settings.FRONTEND_BASE_URL = "https://portal.example.org"
    settings.FRONTEND_PREVIEW_URL = "https://preview.example.org/{locale}/preview"

    directives = policy(client.get(reverse("wagtailadmin_login")))

    assert directives["frame-src"] == ["'self'", "https://portal.example.org", "https://preview.example.org"]


@pytest.mark.django_db
def test_fallback_pages_allow_only_their_own_style_by_nonce(client):
    build_polish_tree()

    response = client.get("/")

    directives = policy(response)
    nonce = re.search(r'<style nonce="([^"]+)">', response.content.decode()).group(1)
    assert response.status_code == 200
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]


@pytest.mark.django_db
def test_each_page_gets_a_fresh_nonce(client):
    build_polish_tree()

    first, second = (policy(client.get("/"))["style-src"][1] for _ in range(2))

    assert first != second


@pytest.mark.django_db
def test_the_api_docs_run_no_inline_script(client):
    response = client.get(reverse("api-docs"))

    directives = policy(response)
    assert response.status_code == 200
    assert directives["script-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]


@pytest.mark.django_db
def test_widgets_keep_their_own_policy_any_site_may_frame_them(client, content):
    response = client.get(f"/embed/pl/practice/{content.practice.pk}/")

    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["*"]
    assert response["Content-Security-Policy"].count("frame-ancestors") == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v2/locales/", "/feeds/pl/practices.rss", "/health/"])
def test_json_feeds_and_health_are_not_html_and_carry_no_policy(client, content, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
