"""The proposal's journey in a real browser: a contributor submits, the editorial check sends it back once with a
comment the contributor sees, it is resubmitted and approved, both validators approve with opinions, an editor
publishes, and the API shows the validation while the practice waits for translation.

Screenshots of every step go to the test-artifacts folder.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory, TopicFactory
from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from translation.roles import EDITOR, group_name, setup_roles
from validation.models import ContributorGroup
from validation.roles import VALIDATORS

pytestmark = pytest.mark.usefixtures("migrated_data_back")


def person(django_user_model, username, group, first="", last=""):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=first, last_name=last
    )
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def click_footer_action(page, name):
    """The edit view's footer actions sit in a dropdown; the button is pressed as a person would, by its name."""
    with page.expect_navigation():
        page.eval_on_selector(f"button[name={name}]", "button => button.click()")


def task_preview(page, base, practice):
    state = Page.objects.get(pk=practice.pk).specific.current_workflow_state.current_task_state
    page.goto(f"{base}{reverse('wagtailadmin_pages:workflow_preview', args=[practice.pk, state.task_id])}")


def give_opinion(page, base, practice, opinion, artifacts_dir, shot):
    task_preview(page, base, practice)
    page.get_by_role("button", name="Approve with opinion and scores").click()
    modal = page.locator(".modal form")
    for criterion in ("relevance", "evidence", "transferability", "participation"):
        modal.locator(f"input[name={criterion}][value='4']").check()
    modal.locator("textarea[name=opinion]").fill(opinion)
    page.screenshot(path=str(artifacts_dir / shot), full_page=False)
    with page.expect_navigation():
        modal.locator("button[type=submit]").click()


@pytest.mark.django_db(transaction=True)
def test_a_proposal_goes_from_the_contributor_through_both_checks_to_publication(
    browser_page, live_server, django_user_model, artifacts_dir, settings
):
    settings.FRONTEND_BASE_URL, settings.FRONTEND_PREVIEW_CHECK_TIMEOUT = "http://127.0.0.1:9", 1
    tree = build_site_tree(build_polish_tree())
    institution = PartnerPageFactory(parent=tree.partners, title="Urząd Miasta Opola")
    setup_roles()
    contributors = ContributorGroup.objects.get(partner=institution).group
    contributor = person(django_user_model, "ala", contributors, "Ala", "Kowal")
    person(django_user_model, "editor-pl", Group.objects.get(name=group_name(EDITOR, "pl")))
    validators_pl, validators_cs = (Group.objects.get(name=name) for name in VALIDATORS.values())
    person(django_user_model, "val-pl", validators_pl, "Marek", "Polak")
    person(django_user_model, "val-cs", validators_cs, "Eva", "Černá")
    practice = PracticePageFactory(
        parent=tree.practices,
        title="Wspólny bilet aglomeracyjny",
        live=False,
        owner=contributor,
        topics=[TopicFactory()],
        institutions=[institution],
    )
    practice.save_revision(user=contributor)
    page, base = browser_page, live_server.url
    edit = f"{base}{reverse('wagtailadmin_pages:edit', args=[practice.pk])}"

    # 1. The contributor submits the draft to the check from the edit view.
    log_in(page, base, "ala")
    page.goto(edit)
    expect(page.locator("button[name=action-publish]")).to_have_count(0)
    click_footer_action(page, "action-submit")
    assert Page.objects.get(pk=practice.pk).specific.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    page.screenshot(path=str(artifacts_dir / "validation-1-submitted.png"), full_page=False)

    # 2. The editorial check sends it back with a comment.
    log_in(page, base, "editor-pl")
    task_preview(page, base, practice)
    page.get_by_role("button", name="Request changes").click()
    page.locator(".modal textarea[name=comment]").fill("Dodaj wyniki w liczbach.")
    with page.expect_navigation():
        page.locator(".modal form button[type=submit]").click()

    # 3. The contributor sees the state and the comment on the dashboard, and resubmits.
    log_in(page, base, "ala")
    row = page.locator("[data-practice-proposals] tr", has_text="Wspólny bilet aglomeracyjny")
    expect(row).to_contain_text("Changes requested")
    expect(row.locator("[data-proposal-comment]")).to_have_text("Dodaj wyniki w liczbach.")
    page.screenshot(path=str(artifacts_dir / "validation-2-changes-requested.png"), full_page=True)
    page.goto(edit)
    click_footer_action(page, "action-submit")

    # 4. The editor approves the editorial check.
    log_in(page, base, "editor-pl")
    task_preview(page, base, practice)
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).click()

    # 5. Both validators approve with scores and an opinion; neither can edit the page.
    log_in(page, base, "val-pl")
    give_opinion(page, base, practice, "Dobrze udokumentowane.", artifacts_dir, "validation-3-opinion-pl.png")
    page.goto(edit)
    expect(page).not_to_have_url(re.compile(r".*/edit/$"))
    log_in(page, base, "val-cs")
    give_opinion(page, base, practice, "Přenositelné do Olomouce.", artifacts_dir, "validation-4-opinion-cs.png")

    # 6. The contributor sees it validated; an editor publishes it.
    log_in(page, base, "ala")
    expect(page.locator("[data-proposal-state=validated]")).to_have_count(1)
    log_in(page, base, "editor-pl")
    page.goto(edit)
    click_footer_action(page, "action-publish")
    page.screenshot(path=str(artifacts_dir / "validation-5-published.png"), full_page=False)

    # 7. The API shows the validation; the practice waits for its Czech translation (a draft, not published).
    detail = Client().get(f"/api/v2/practices/{practice.pk}/").json()
    assert detail["validation"]["status"] == "validated"
    assert [opinion["expert_name"] for opinion in detail["validation"]["opinions"]] == ["Marek Polak", "Eva Černá"]
    translation = Translation.objects.get(source__object_id=practice.translation_key)
    assert translation.target_locale.language_code == "cs"
    assert not Page.objects.get(translation_key=practice.translation_key, locale=translation.target_locale).live
