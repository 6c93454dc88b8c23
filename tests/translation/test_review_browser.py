"""The reviewer's journey in a real browser, in the Czech admin: from the dashboard to the page in review,
its preview, changes requested with a comment, and after the translator's correction, approval.

The portal frontend does not run here (FRONTEND_BASE_URL names a closed local port), so the preview shows
the CMS's rendering of the draft. Screenshots of every step go to the test-artifacts folder.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from playwright.sync_api import expect
from wagtail.models import Locale, Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation

from practices.factories import PracticePageFactory
from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from tests.translation.conftest import czech, fill
from tests.translation.helpers import submit_for_translation, translation_of
from translation.review import submit_for_review
from translation.roles import group_name, setup_roles

pytestmark = pytest.mark.usefixtures("migrated_data_back")


def person(django_user_model, role, code, language):
    user = django_user_model.objects.create_user(f"{role}-{code}", f"{role}-{code}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(role, code)))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def czech_admin(text, **values):
    with override("cs"):
        return _(text) % values if values else _(text)


@pytest.mark.django_db(transaction=True)
def test_the_reviewer_previews_requests_changes_and_approves(
    browser_page, live_server, django_user_model, artifacts_dir, settings
):
    settings.FRONTEND_BASE_URL, settings.FRONTEND_PREVIEW_CHECK_TIMEOUT = "http://127.0.0.1:9", 1
    tree = build_site_tree(build_polish_tree())
    setup_roles()
    locale_cs = Locale.objects.get(language_code="cs")
    practice = PracticePageFactory(
        parent=tree.practices, title="Park miejski", slug="park", summary="Zieleń w mieście."
    )
    editor = Client()
    editor.force_login(person(django_user_model, "editor", "pl", "pl"))
    submit_for_translation(editor, practice, locale_cs)
    translator = person(django_user_model, "translator", "cs", "cs")
    person(django_user_model, "reviewer", "cs", "cs")
    page, base = browser_page, live_server.url
    approve_label = czech_admin("%(label)s and Publish", label=czech_admin("Approve"))

    # The translator's work is done and submitted (their journey has its own test).
    translation = translation_of(practice, locale_cs)
    translation.import_po(fill(translation.export_po(), czech), tool_name="test")
    submit_for_review(translation, translator)
    target = practice.get_translation(locale_cs).specific

    # 1. The dashboard lists the page awaiting review; its title opens the translation in review.
    log_in(page, base, "reviewer-cs")
    page.screenshot(path=str(artifacts_dir / "review-1-dashboard.png"), full_page=True)
    page.locator("#awaiting-review-content").get_by_role("link", name=czech("Park miejski")).click()
    page.wait_for_url(re.compile(rf".*/admin/pages/{target.pk}/edit/$"))
    footer = page.locator("[data-translation-footer]")
    expect(footer.locator("[data-review-decision]").first).to_have_text(approve_label)
    expect(page.locator(".js-translation-editor footer.footer")).to_be_hidden()
    expect(page.locator("[data-submit-for-review]")).to_have_count(0)
    page.screenshot(path=str(artifacts_dir / "review-2-editor.png"), full_page=False)

    # 2. The preview, from the footer's menu: the draft's text, in the CMS's layout while the portal is down.
    footer.get_by_role("button", name=czech_admin("More actions")).click()
    footer.locator("[data-review-preview-link]").click()
    page.wait_for_url(re.compile(r".*/admin/pages/workflow/preview/.*"))
    frame = page.frame_locator("[data-preview-frame]")
    expect(frame.get_by_text(czech("Zieleń w mieście."))).to_be_visible()
    expect(page.locator("[data-preview-fallback]")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "review-3-preview.png"), full_page=True)

    # 3. Request changes, with a comment, from the preview.
    page.get_by_role("button", name=czech_admin("Request changes")).click()
    page.locator(".modal textarea[name=comment]").fill("Prosím zkrátit nadpis.")
    page.screenshot(path=str(artifacts_dir / "review-4-request-changes.png"), full_page=False)
    with page.expect_navigation():
        page.locator(".modal form button[type=submit]").click()
    page.wait_for_url(f"{base}{reverse('wagtailadmin_home')}")
    title = Page.objects.get(pk=target.pk).get_latest_revision_as_object().title
    requested = czech_admin(
        "Changes requested for '%(title)s' (%(locale)s): it goes back to its translators with your comment.",
        title=title,
        locale="Čeština",
    )
    expect(page.locator(".messages .success")).to_contain_text(requested)
    assert target.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.screenshot(path=str(artifacts_dir / "review-5-changes-requested.png"), full_page=False)

    # 4. The translator shortens the title and submits again.
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.filter(translation_of=segment.string, locale=locale_cs).update(data="Park")
    submit_for_review(translation, translator)

    # 5. The reviewer approves from the editor's main button: published, the message says so, and the
    #    dashboard shows what is left to review.
    page.goto(f"{base}{reverse('wagtailadmin_pages:edit', args=[target.pk])}")
    with page.expect_navigation():
        page.locator("[data-translation-footer]").get_by_role("button", name=approve_label).click()
    page.wait_for_url(f"{base}{reverse('wagtailadmin_home')}")
    approved = czech_admin("'%(title)s' (%(locale)s) is approved and published.", title="Park", locale="Čeština")
    expect(page.locator(".messages .success")).to_contain_text(approved)
    assert Page.objects.get(pk=target.pk).live
    assert Page.objects.get(pk=target.pk).title == "Park"
    page.screenshot(path=str(artifacts_dir / "review-6-approved.png"), full_page=False)
