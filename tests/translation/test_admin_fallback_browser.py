"""A Czech editor's admin in a real browser: strings Wagtail's Czech catalogs lack are English, not Polish.

Screenshot: test-artifacts/admin-in-czech.png.
"""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from translation import admin_fallback

#: The texts of elements' placeholders, titles and ARIA labels: visible, but not in the page's inner text.
LABELS = """elements => elements.flatMap(element =>
    ["placeholder", "title", "aria-label"].map(name => element.getAttribute(name)).filter(Boolean))"""

pytestmark = pytest.mark.usefixtures("migrated_data_back")


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
