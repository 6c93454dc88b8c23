"""The workflow in a real browser: an editor submits, a translator translates and submits, a reviewer approves.

Screenshots of the translation editor and of the review step go to the test-artifacts folder.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from practices.factories import PracticePageFactory
from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from translation.roles import group_name, setup_roles

pytestmark = pytest.mark.usefixtures("migrated_data_back")


def person(django_user_model, role, code):
    user = django_user_model.objects.create_user(f"{role}-{code}", f"{role}-{code}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(role, code)))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.mark.django_db(transaction=True)
def test_editor_translator_and_reviewer_in_the_admin(browser_page, live_server, django_user_model, artifacts_dir):
    tree = build_site_tree(build_polish_tree())
    setup_roles()
    practice = PracticePageFactory(
        parent=tree.practices, title="Rower miejski", slug="rower-miejski", summary="Rowery."
    )
    for role, code in (("editor", "pl"), ("translator", "cs"), ("reviewer", "cs")):
        person(django_user_model, role, code)
    page, base = browser_page, live_server.url
    locale_cs = Locale.objects.get(language_code="cs")

    # The editor submits the practice for translation into Czech.
    log_in(page, base, "editor-pl")
    page.goto(f"{base}{reverse('wagtail_localize:submit_page_translation', args=[practice.pk])}")
    page.check(f"input[name=locales][value='{locale_cs.pk}']")
    page.click("input[type=submit][value=Submit]")
    page.wait_for_load_state()
    target = practice.get_translation(locale_cs)
    assert not target.live

    # The translator machine-translates, confirms, and submits for review; publishing is not offered.
    log_in(page, base, "translator-cs")
    page.goto(f"{base}{reverse('wagtailadmin_pages:edit', args=[target.pk])}")
    page.get_by_role("button", name="Translate with Dummy translator").click()
    page.wait_for_load_state()
    page.wait_for_selector("[data-translation-review-panel]")
    page.screenshot(path=str(artifacts_dir / "translation-editor.png"), full_page=True)
    page.click("[data-check-machine-strings]")
    page.wait_for_selector("[data-machine-strings]")
    page.screenshot(path=str(artifacts_dir / "translation-machine-strings.png"), full_page=True)
    for checkbox in page.locator("input[name=confirm]").all():
        checkbox.check()
    page.get_by_role("button", name="Confirm the ticked translations").click()
    page.wait_for_load_state()
    assert page.locator("input[name=confirm]").count() == 0
    page.goto(f"{base}{reverse('wagtailadmin_pages:edit', args=[target.pk])}")
    page.click("[data-submit-for-review]")
    page.wait_for_selector("[data-review-state=in_review]")
    assert page.get_by_role("button", name="Publish in Čeština").count() == 0
    assert Page.objects.get(pk=target.pk).current_workflow_state is not None

    # The reviewer approves from the dashboard: the Czech page goes live.
    log_in(page, base, "reviewer-cs")
    page.wait_for_selector("[data-review-queue]")
    page.screenshot(path=str(artifacts_dir / "translation-review.png"), full_page=True)
    page.get_by_role("button", name="Actions").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).first.click()
    assert Page.objects.get(pk=target.pk).live
    page.screenshot(path=str(artifacts_dir / "translation-approved.png"), full_page=True)
