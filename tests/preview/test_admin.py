"""Wagtail's Preview opens the frontend's preview route, per language, with a token the API accepts."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.preview import frontend_preview_url
from practices.models import PracticePage


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(user)
    client.user = user
    return client


def frame_url(response):
    """The URL the headless preview client frames."""
    assert response.status_code == 200
    (src,) = re.findall(r'<iframe src="([^"]+)"', response.content.decode())
    return html.unescape(src)


def query(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def test_previewing_a_revision_frames_the_frontend_with_a_working_token(admin, content):
    page = PracticePage.objects.get(pk=content.practice.pk)
    page.summary = "Wersja do podglądu."
    revision = page.save_revision(user=admin.user)

    url = frame_url(admin.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])))

    assert url.startswith("https://portal.example.org/api/preview?")
    params = query(url)
    assert (params["content_type"], params["locale"]) == ("practices.practicepage", "pl")
    data = admin.get("/api/v2/preview/", {"token": params["token"]}).json()
    assert (data["id"], data["summary"]) == (page.pk, "Wersja do podglądu.")


def test_the_preview_url_follows_the_pages_language(admin, content, settings):
    settings.FRONTEND_PREVIEW_URL = "https://portal.example.org/{locale}/podglad"
    page = PracticePage.objects.get(pk=content.practice_cs.pk)
    revision = page.save_revision(user=admin.user)

    url = frame_url(admin.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])))

    assert url.startswith("https://portal.example.org/cs/podglad?")
    assert query(url)["locale"] == "cs"


def test_unsaved_edits_in_the_editor_are_what_the_frontend_previews(client, content):
    """Wagtail's live preview renders the page as it stands in the form, before any save."""
    page = PracticePage.objects.get(pk=content.practice.pk).get_latest_revision_as_object()
    page.summary = "Jeszcze niezapisane."

    response = page.make_preview_request(RequestFactory().get("/admin/"), page.default_preview_mode)

    token = query(frame_url(response))["token"]
    assert client.get("/api/v2/preview/", {"token": token}).json()["summary"] == "Jeszcze niezapisane."
    assert PracticePage.objects.get(pk=page.pk).summary != "Jeszcze niezapisane."


def test_the_frontend_preview_url_defaults_to_the_frontends_api_preview_route(settings):
    settings.FRONTEND_PREVIEW_URL = ""
    settings.FRONTEND_BASE_URL = "https://a4b.example.org"

    assert frontend_preview_url("cs") == "https://a4b.example.org/api/preview"
