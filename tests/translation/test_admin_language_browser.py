"""A Polish and a Czech editor walk the admin in a real browser: every text is in their language.

Each screen's text is compared with the catalogs (`tests.translation.admin_texts`). The Polish editor
goes first, as after a restart: menus built then must not stay Polish for the
Czech one. Screenshots: test-artifacts/admin-language-<language>-<screen>.png.
"""

import pytest
from django.urls import reverse
from wagtail.admin.menu import help_menu, reports_menu
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_factories import ImageFactory

from practices.factories import PracticePageFactory
from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from tests.translation.admin_texts import foreign_texts, read
from tests.utils import translate
from translation.roles import setup_roles

#: What a failed save says, in each language: the validation error screen is the one we meant to reach.
NOT_CREATED = {
    "pl": "Nie można utworzyć strony z powodu błędów walidacji.",
    "cs": "Stránku nelze vytvořit, protože formulář obsahuje chyby.",
}
#: Translations still in progress: untranslated strings fall back to the source text.
DRAFT = {"publish": False, "fallback": True}

pytestmark = pytest.mark.usefixtures("migrated_data_back")


def editor(django_user_model, language):
    user = django_user_model.objects.create_superuser(f"editor-{language}", f"editor-{language}@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def build_content():
    """Both trees, a practice written in each language and translated into the other, and an image."""
    tree = build_site_tree(build_polish_tree())
    setup_roles()
    locale_pl, locale_cs = (Locale.objects.get(language_code=code) for code in ("pl", "cs"))
    polish = PracticePageFactory(parent=tree.practices, title="Rowerowa aglomeracja Opole", slug="rowerowa")
    czech = PracticePageFactory(parent=tree.practices_cs, title="Cyklistická aglomerace Olomouc", slug="cyklisticka")
    ImageFactory(title="Rynek w Opolu")
    # One string translated each way, so that the editor shows when and how ("Přeloženo: …, 3. prosince 2026").
    return {
        "pl": (tree.practices, translate(czech, locale_pl, {czech.title: "Aglomeracja rowerowa Ołomuniec"}, **DRAFT)),
        "cs": (
            tree.practices_cs,
            translate(polish, locale_cs, {polish.title: "Cyklistická Opolská aglomerace"}, **DRAFT),
        ),
    }


def screens(index, translation):
    """(name, admin path) of the screens walked, the translation editor last."""
    return [
        ("dashboard", reverse("wagtailadmin_home")),
        ("explorer", reverse("wagtailadmin_explore", args=[index.pk])),
        ("search", reverse("wagtailadmin_pages:search") + "?q=aglomera"),
        ("images", reverse("wagtailimages:index")),
        ("aging-pages", reverse("wagtailadmin_reports:aging_pages")),
        ("page-types", reverse("wagtailadmin_reports:page_types_usage")),
        ("locked-pages", reverse("wagtailadmin_reports:locked_pages")),
        ("site-history", reverse("wagtailadmin_reports:site_history")),
        ("workflows", reverse("wagtailadmin_reports:workflow")),
        ("workflow-tasks", reverse("wagtailadmin_reports:workflow_tasks")),
        ("translation-status", reverse("translation:status_report")),
        ("translations", reverse("wagtail_localize:translations_report")),
        ("translation-editor", reverse("wagtailadmin_pages:edit", args=[translation.pk])),
    ]


@pytest.mark.django_db(transaction=True)
def test_each_editor_meets_only_their_own_language(browser_page, live_server, django_user_model, artifacts_dir):
    content = build_content()
    for menu in (reports_menu, help_menu):
        menu.__dict__.pop("registered_menu_items", None)
    page, base = browser_page, live_server.url
    shown = {}

    for language in ("pl", "cs"):
        editor(django_user_model, language)
        index, translation = content[language]
        log_in(page, base, f"editor-{language}")
        seen = []
        for name, path in screens(index, translation):
            page.goto(f"{base}{path}")
            seen.append(read(page))
            page.screenshot(path=str(artifacts_dir / f"admin-language-{language}-{name}.png"), full_page=True)

        # A new practice saved empty: the validation errors, in the editor's language.
        page.goto(f"{base}{reverse('wagtailadmin_pages:add', args=['practices', 'practicepage', index.pk])}")
        page.wait_for_load_state("networkidle")
        with page.expect_navigation():
            page.click("button.action-save")
        seen.append(read(page))
        page.screenshot(path=str(artifacts_dir / f"admin-language-{language}-validation-error.png"), full_page=True)
        assert NOT_CREATED[language] in seen[-1]
        shown[language] = "\n".join(seen)

    for language, text in shown.items():
        wrong = foreign_texts(language, text)
        assert wrong == [], f"{language}: " + " | ".join(wrong)
