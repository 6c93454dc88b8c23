"""A page or topic in review: its reviewers find the task's actions first, and each decision says what it did."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.admin.action_menu import PublishMenuItem, SaveDraftMenuItem, SubmitForModerationMenuItem, WorkflowMenuItem
from wagtail.models import Locale, Page, WorkflowState
from wagtail.users.models import UserProfile

from practices.factories import PracticePageFactory, TopicFactory
from tests.translation.conftest import czech, fill, fresh
from tests.translation.helpers import (
    edit_string,
    snippet_url,
    submit_for_translation,
    submit_snippet_for_translation,
    translation_of,
    workflow_action,
)
from translation.review import submit_for_review
from translation.review_actions import put_review_actions_first
from translation.roles import locale_workflow


@pytest.fixture
def in_review(roles, make_user, login, locale_cs):
    """A Czech translation, complete and submitted for review by its translator."""
    practice = PracticePageFactory(parent=roles.practices, title="Park miejski", slug="park", summary="Zieleń.")
    submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)
    translation = translation_of(practice, locale_cs)
    translation.import_po(fill(translation.export_po(), czech), tool_name="test")
    submit_for_review(translation, make_user("translator", "cs", username="submitting-translator"))
    return fresh(practice.get_translation(locale_cs))


def editor_html(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def footer_of(html):
    return re.search(r"<footer[^>]*data-translation-footer.*?</footer>", html, re.S).group(0)


def test_the_reviewer_of_the_locale_gets_approve_first_then_request_changes_and_no_publish_or_submit(
    in_review, make_user, login
):
    html = editor_html(login(make_user("reviewer", "cs")), in_review)

    footer = footer_of(html)
    decisions = re.findall(r'data-review-decision="(\w+)"', footer)
    assert decisions[0] == "approve" and "reject" in decisions
    assert footer.index("Approve and Publish") < footer.index("Request changes")
    assert reverse("wagtailadmin_pages:workflow_preview", args=[in_review.pk, in_review.current_workflow_task.pk]) in (
        footer
    )
    assert "data-submit-for-review" not in html
    # wagtail-localize's own footer (Stop synced translation, Lock) is hidden for the reviewer.
    assert "a4b-translation-layout--translator" in html
    assert '"canPublish": false' in html.replace("&quot;", '"')


def test_the_reviewers_footer_speaks_their_admin_language(in_review, make_user, login):
    reviewer = make_user("reviewer", "cs")
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "cs"
    profile.save()

    footer = footer_of(editor_html(login(reviewer), in_review))

    with override("cs"):
        approve, reject = _("%(label)s and Publish") % {"label": _("Approve")}, _("Request changes")
    assert approve in footer and reject in footer
    assert "Approve and Publish" not in footer


@pytest.mark.parametrize(("role", "code"), [("translator", "cs"), ("editor", "cs")])
def test_translators_and_editors_keep_their_footer_without_decisions(in_review, make_user, login, role, code):
    html = editor_html(login(make_user(role, code)), in_review)

    assert "data-review-decision" not in html
    if role == "translator":
        assert "data-submit-for-review" in footer_of(html)


def test_a_reviewer_of_the_other_language_decides_nothing(in_review, make_user, login):
    response = workflow_action(login(make_user("reviewer", "pl")), in_review, "approve")

    assert response.status_code in (302, 403)
    assert not fresh(in_review).live


def test_wagtails_page_menu_puts_the_task_first_for_a_czech_original_in_review(roles, make_user, login):
    """An editor who also reviews Czech opens a Czech original in review: Wagtail's menu leads with the decision."""
    page = PracticePageFactory(parent=roles.practices_cs, title="Cyklostezka", slug="cyklostezka", summary="Kola.")
    editor = make_user("editor", "cs")
    page.save_revision(user=editor)
    locale_workflow(Locale.objects.get(language_code="cs")).start(page, editor)
    both = make_user(("editor", "cs"), ("reviewer", "cs"), username="editor-reviewer-cs")

    html = editor_html(login(both), fresh(page))

    footer = html[html.index('<footer class="footer') :]
    assert footer.index('data-workflow-action-name="approve"') < footer.index("action-save")
    assert footer.index('data-workflow-action-name="approve"') < footer.index('data-workflow-action-name="reject"')


def test_the_menu_hook_drops_publishing_and_submitting_for_reviewers_who_are_not_authors():
    items = [
        SaveDraftMenuItem(order=0),
        PublishMenuItem(order=30),
        SubmitForModerationMenuItem(order=60),
        WorkflowMenuItem("reject", "Request changes", True),
        WorkflowMenuItem("approve", "Approve", False),
    ]
    reviewer = type("Tester", (), {"is_author": False})()

    put_review_actions_first(items, None, {"user_page_permissions_tester": reviewer})

    assert [type(item).__name__ for item in items] == ["WorkflowMenuItem", "WorkflowMenuItem", "SaveDraftMenuItem"]
    assert [item.name for item in items[:2]] == ["approve", "reject"]


def last_message(response):
    """The newest message for the user (earlier ones, e.g. the editor's submission, share the test client)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1]


def test_approving_from_the_dashboard_says_it_is_approved_and_published(in_review, make_user, login):
    reviewer = login(make_user("reviewer", "cs"))
    task_state = in_review.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[in_review.pk, "approve", task_state.pk])

    # The dashboard's button posts a plain form with `next`, the dashboard itself.
    response = reviewer.post(url, {"next": reverse("wagtailadmin_home")})

    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert fresh(in_review).live
    assert last_message(response) == f"'{fresh(in_review).title}' (Čeština) is approved and published."
    assert "is approved and published" in reviewer.get(response.url).content.decode()


def test_requesting_changes_with_a_comment_says_where_it_goes(in_review, make_user, login):
    response = workflow_action(login(make_user("reviewer", "cs")), in_review, "reject", "Tytuł jest za długi.")

    assert response.status_code == 200
    assert fresh(in_review).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    title = fresh(in_review).title
    assert last_message(response) == (
        f"Changes requested for '{title}' (Čeština): it goes back to its translators with your comment."
    )


def test_deciding_on_a_topic_says_what_happened_too(roles, make_user, login, locale_pl, locale_cs):
    topic = TopicFactory(locale=locale_pl, name="Mobilność", slug="mobilnosc")
    submit_snippet_for_translation(login(make_user("editor", "pl")), topic, locale_cs)
    translation = translation_of(topic, locale_cs)
    translation.import_po(fill(translation.export_po(), czech), tool_name="test")
    submit_for_review(translation, make_user("translator", "cs"))
    target = topic.get_translation(locale_cs)
    reviewer = login(make_user("reviewer", "cs"))
    footer = footer_of(reviewer.get(snippet_url(target, "edit")).content.decode())
    assert re.findall(r'data-review-decision="(\w+)"', footer)[0] == "approve"
    assert "data-review-preview-link" not in footer  # topics have no preview

    response = workflow_action(reviewer, target, "approve")

    assert response.status_code == 200
    assert last_message(response) == f"'{czech('Mobilność')}' (Čeština) is approved and published."


def test_a_decision_taken_in_the_editor_lands_on_the_dashboard(in_review, make_user, login):
    reviewer = login(make_user("reviewer", "cs"))
    task_state = in_review.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[in_review.pk, "approve", task_state.pk])
    editor_url = reverse("wagtailadmin_pages:edit", args=[in_review.pk])

    response = reviewer.post(url, {"next": f"http://testserver{editor_url}"})

    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_reviewers_correction_in_the_editor_is_in_what_the_approval_publishes(roles, make_user, login, locale_cs):
    practice = PracticePageFactory(parent=roles.practices, title="Park miejski", slug="park", summary="Zieleń.")
    submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)
    translation = translation_of(practice, locale_cs)
    translation.import_po(fill(translation.export_po(), czech), tool_name="test")
    submit_for_review(translation, make_user("translator", "cs"))
    reviewer = login(make_user("reviewer", "cs"))

    assert edit_string(reviewer, translation, "title", "Městský park").status_code == 200
    assert workflow_action(reviewer, practice.get_translation(locale_cs), "approve").status_code == 200

    published = Page.objects.get(pk=practice.get_translation(locale_cs).pk)
    assert published.live
    assert published.title == "Městský park"
    assert published.specific.summary == czech("Zieleń.")
