"""A Polish and a Czech editor walk the admin in a real browser: every text is in their language.

Each screen's visible text (and its placeholders, titles and ARIA labels) is
compared with the catalogs: no translation of the other language, and no English
original of a string translated into the user's, may appear. The Polish editor
goes first, as after a restart: menus built then must not stay Polish for the
Czech one. Screenshots: test-artifacts/admin-language-<language>-<screen>.png.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from wagtail.admin.menu import help_menu, reports_menu
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_factories import ImageFactory
from wagtail_localize.models import String

from practices.factories import PracticePageFactory
from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from tests.utils import translate
from translation import admin_catalogs
from translation.roles import setup_roles

#: The texts of elements' placeholders, titles and ARIA labels: visible, but not in the page's inner text.
LABELS = """elements => elements.flatMap(element =>
    ["placeholder", "title", "aria-label"].map(name => element.getAttribute(name)).filter(Boolean))"""
#: What a failed save says, in each language: the validation error screen is the one we meant to reach.
NOT_CREATED = {
    "pl": "Nie można utworzyć strony z powodu błędów walidacji.",
    "cs": "Stránku nelze vytvořit, protože formulář obsahuje chyby.",
}
OTHER = {"pl": "cs", "cs": "pl"}
#: Translations still in progress: untranslated strings fall back to the source text.
DRAFT = {"publish": False, "fallback": True}

pytestmark = pytest.mark.usefixtures("migrated_data_back")


def catalog_texts(language):
    """(msgctxt, msgid) -> every text the admin shows for it in `language` (plural forms included)."""
    scopes = [
        ("django", None),
        *(("djangojs", apps.get_app_config(app)) for app in ("wagtailadmin", "wagtail_localize")),
    ]
    texts = {}
    for domain, config in scopes:
        for key, entry in admin_catalogs.effective(language, domain, config).items():
            forms = [entry.msgstr] if entry.msgstr else [form for form in entry.msgstr_plural.values() if form]
            texts.setdefault(key, set()).update(forms)
    return texts


def english_originals():
    """(msgctxt, msgid) -> the English texts of every string of the pinned packages and of our apps."""
    originals = {}
    catalogs = [path for _config, _domain, path in admin_catalogs.source_catalogs()]
    catalogs.append(Path(settings.LOCALE_PATHS[0]) / "pl" / "LC_MESSAGES" / "django.po")
    for path in catalogs:
        for entry in admin_catalogs.source_entries(path):
            originals.setdefault((entry.msgctxt, entry.msgid), set()).update(
                filter(None, [entry.msgid, entry.msgid_plural])
            )
    return originals


def plain(text):
    """A whole phrase worth looking for: no placeholder or markup, long enough not to occur by chance."""
    return len(text) >= 6 and not re.search(r"[%{}<>&\n]", text) and re.search(r"[^\W\d_]{3}", text)


def wrong_phrases(language):
    """The other language's texts and the English originals of strings translated into `language`."""
    own = catalog_texts(language)
    own_texts = {text.casefold() for texts in own.values() for text in texts}
    foreign = {text for texts in catalog_texts(OTHER[language]).values() for text in texts}
    english = {
        text for key, originals in english_originals().items() for text in originals if text not in own.get(key, ())
    }
    # A phrase that is also part of one of the language's own texts ("Slug", "Token", "Alias") says nothing.
    return {text for text in foreign | english if plain(text) and not any(text.casefold() in own for own in own_texts)}


def found_in(phrases, text):
    return sorted(p for p in phrases if p in text and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text))


def around(phrase, text):
    """The phrase where it was seen, for the failure message."""
    start = text.index(phrase)
    return repr(text[max(0, start - 60) : start + len(phrase) + 60])


def content_texts():
    """Page titles and the translated pages' source strings: content, in whatever language it is written."""
    titles = {title for pair in Page.objects.values_list("title", "draft_title") for title in pair}
    return sorted(titles | set(String.objects.values_list("data", flat=True)), key=len, reverse=True)


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


def read(page):
    page.wait_for_load_state("networkidle")
    return "\n".join(
        [page.inner_text("body"), *page.eval_on_selector_all("[placeholder], [title], [aria-label]", LABELS)]
    )


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

    content = content_texts()
    for language, text in shown.items():
        for written in content:
            text = text.replace(written, "")
        # Identifiers such as "events.eventpage" (the page types report) are names, not texts.
        text = re.sub(r"\b\w+(?:\.\w+)+\b", "", text)
        # Python's None, in any language, is no text either (the aging pages report's publisher, the page search).
        wrong = found_in(wrong_phrases(language) | {"None"}, text)
        assert wrong == [], f"{language}: " + " | ".join(around(phrase, text) for phrase in wrong)
