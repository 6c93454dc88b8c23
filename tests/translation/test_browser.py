"""The workflow in a real browser: an editor submits, a translator translates and submits, a reviewer approves.

Screenshots of the translation editor and of the review step go to the test-artifacts folder.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from practices.factories import PracticePageFactory
from tests.conftest import build_polish_tree, build_site_tree
from translation import admin_fallback
from translation.roles import group_name, setup_roles

PASSWORD = "browser-test-password"
#: The texts of elements' placeholders, titles and ARIA labels: visible, but not in the page's inner text.
LABELS = """elements => elements.flatMap(element =>
    ["placeholder", "title", "aria-label"].map(name => element.getAttribute(name)).filter(Boolean))"""


pytestmark = pytest.mark.usefixtures("migrated_data_back")


def person(django_user_model, role, code):
    user = django_user_model.objects.create_user(f"{role}-{code}", f"{role}-{code}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(role, code)))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}{reverse('wagtailadmin_login')}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}{reverse('wagtailadmin_home')}")


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
    page.get_by_role("button", name="Confirm machine translations").click()
    page.wait_for_load_state()
    page.click("[data-submit-for-review]")
    page.wait_for_selector("[data-review-state=in_review]")
    assert page.get_by_role("button", name="Publish in Čeština").count() == 0
    assert Page.objects.get(pk=target.pk).current_workflow_state is not None

    # The reviewer approves from the dashboard: the Czech page goes live.
    log_in(page, base, "reviewer-cs")
    page.wait_for_selector("text=Awaiting your review")
    page.screenshot(path=str(artifacts_dir / "translation-review.png"), full_page=True)
    page.get_by_role("button", name="Actions").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).first.click()
    assert Page.objects.get(pk=target.pk).live
    page.screenshot(path=str(artifacts_dir / "translation-approved.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_a_czech_editor_sees_no_polish_in_the_admin(browser_page, live_server, django_user_model, artifacts_dir):
    """Strings Wagtail's Czech catalogs lack show in English (translation/admin_fallback.py), not in Polish."""
    tree = build_site_tree(build_polish_tree())
    user = django_user_model.objects.create_superuser("editor-cs", "editor-cs@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "cs"
    profile.save()
    polish = {
        entry.msgstr
        for entry in admin_fallback.missing("cs", "django") + admin_fallback.missing("cs", "djangojs")
        if entry.msgstr and len(entry.msgstr) > 5 and "%" not in entry.msgstr and entry.msgstr != entry.msgid
    }
    page, base = browser_page, live_server.url

    log_in(page, base, "editor-cs")
    seen = []
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore", args=[tree.practices.pk])):
        page.goto(f"{base}{url}")
        page.wait_for_load_state("networkidle")
        seen.append(page.inner_text("body"))
        seen.extend(page.eval_on_selector_all("[placeholder], [title], [aria-label]", LABELS))
    page.screenshot(path=str(artifacts_dir / "admin-in-czech.png"), full_page=True)

    text = "\n".join(seen)
    assert "Stránky" in text
    assert sorted(phrase for phrase in polish if phrase in text) == []
