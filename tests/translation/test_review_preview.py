"""The reviewer's preview of a draft in review: the portal frontend's preview when it answers, else the CMS's page."""

import re
from html import unescape
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from core.preview import read_token
from practices.factories import PracticePageFactory
from tests.translation.conftest import czech, fill, fresh
from tests.translation.helpers import refused, submit_for_translation, translation_of, workflow_action
from translation import review_preview
from translation.review import submit_for_review


@pytest.fixture
def in_review(roles, make_user, login, locale_cs):
    practice = PracticePageFactory(
        parent=roles.practices, title="Park miejski", slug="park", summary="Zieleń w mieście."
    )
    submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)
    translation = translation_of(practice, locale_cs)
    translation.import_po(fill(translation.export_po(), czech), tool_name="test")
    submit_for_review(translation, make_user("translator", "cs", username="submitting-translator"))
    return fresh(practice.get_translation(locale_cs))


def preview_url(page):
    return reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, page.current_workflow_task.pk])


def frame_src(html):
    return unescape(re.search(r"<iframe[^>]*\ssrc=\"([^\"]+)\"[^>]*data-preview-frame", html).group(1))


@pytest.fixture
def frontend_down(settings):
    """The frontend configured on a local port where nothing listens: the CMS really asks, and nobody answers."""
    settings.FRONTEND_PREVIEW_CHECK_TIMEOUT = 1
    settings.FRONTEND_BASE_URL = "http://127.0.0.1:9"
    settings.FRONTEND_PREVIEW_URL = ""


def test_the_reviewer_sees_the_draft_through_the_frontends_preview_route_with_a_valid_token(
    in_review, make_user, login
):
    response = login(make_user("reviewer", "cs")).get(preview_url(in_review))

    assert response.status_code == 200
    html = response.content.decode()
    src = frame_src(html)
    assert src.startswith("https://portal.example.org/api/preview?")
    query = parse_qs(urlsplit(src).query)
    assert query["locale"] == ["cs"] and query["content_type"] == ["practices.practicepage"]
    assert read_token(query["token"][0])["page"] == in_review.pk
    # The draft's JSON is what the frontend gets for that token.
    draft = login(make_user("reviewer", "cs", username="other")).get("/api/v2/preview/", {"token": query["token"][0]})
    assert draft.json()["summary"] == czech("Zieleń w mieście.")
    # And the task's decisions are right there.
    assert 'data-workflow-action-url="' in html and "Request changes" in html


def test_with_the_frontend_down_the_cms_shows_the_draft_and_says_why(in_review, make_user, login, frontend_down):
    reviewer = login(make_user("reviewer", "cs"))

    html = reviewer.get(preview_url(in_review)).content.decode()

    assert "data-preview-fallback" in html
    src = frame_src(html)
    assert src == f"{preview_url(in_review)}?render=cms"
    draft = reviewer.get(src)
    assert draft.status_code == 200
    text = draft.content.decode()
    assert czech("Zieleń w mieście.") in text and czech("Park miejski") in text


@pytest.mark.parametrize(("role", "code"), [("translator", "cs"), ("editor", "cs"), ("reviewer", "pl")])
def test_only_those_who_decide_may_open_it(in_review, make_user, login, role, code):
    client = login(make_user(role, code, username=f"other-{role}-{code}"))

    assert refused(client.get(preview_url(in_review)))
    assert refused(client.get(f"{preview_url(in_review)}?render=cms"))


def test_after_deciding_from_the_preview_the_reviewer_lands_on_the_dashboard_without_an_error(
    in_review, make_user, login
):
    reviewer = login(make_user("reviewer", "cs"))
    url = preview_url(in_review)
    workflow_action(reviewer, in_review, "approve")

    response = reviewer.get(url, follow=True)

    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    html = response.content.decode()
    assert "is approved and published" in html
    assert "not currently awaiting moderation" not in html


@pytest.mark.parametrize(
    ("outcome", "answers"),
    [(HTTPError("u", 400, "Bad Request", {}, None), True), (URLError("refused"), False), (TimeoutError(), False)],
)
def test_any_http_answer_counts_as_the_frontend_answering(settings, monkeypatch, outcome, answers):
    settings.FRONTEND_PREVIEW_CHECK_TIMEOUT = 1
    calls = []

    def urlopen(request, timeout):
        calls.append((request.full_url, request.get_method(), timeout))
        raise outcome

    monkeypatch.setattr(review_preview, "urlopen", urlopen)

    assert review_preview.frontend_answers("http://frontend.test/api/preview") is answers
    assert review_preview.frontend_answers("http://frontend.test/api/preview") is answers
    assert calls == [("http://frontend.test/api/preview", "HEAD", 1)]
