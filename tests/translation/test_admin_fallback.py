"""Admin strings that Czech lacks appear in English, never in the default language (Polish)."""

import json
import re

import polib
from django.conf import settings
from django.utils import translation

from translation import admin_catalogs, admin_fallback


def shown(entry, count=1):
    """What the active language shows for a catalog entry (its singular or the form for `count`)."""
    if entry.msgid_plural:
        if entry.msgctxt:
            return translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
        return translation.ngettext(entry.msgid, entry.msgid_plural, count)
    if entry.msgctxt:
        return translation.pgettext(entry.msgctxt, entry.msgid)
    return translation.gettext(entry.msgid)


def test_czech_is_the_admin_language_that_needs_a_fallback():
    assert settings.LANGUAGE_CODE == "pl"
    assert admin_fallback.fallback_languages() == ["cs"]


def test_every_string_czech_lacks_is_shown_in_english():
    """What is left: strings of apps the admin does not serve (Django's admin, axes' log), never Wagtail's."""
    lacking = admin_fallback.missing("cs", "django")
    assert lacking

    with translation.override("cs"):
        for entry in lacking:
            assert shown(entry, 1) == entry.msgid
            if entry.msgid_plural:
                assert shown(entry, 3) == shown(entry, 5) == entry.msgid_plural


def compile_catalog(root, language, entries):
    catalog = polib.POFile()
    catalog.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": admin_catalogs.plural_forms(language),
    }
    catalog.extend(entries)
    path = root / language / "LC_MESSAGES" / "django.mo"
    path.parent.mkdir(parents=True)
    catalog.save_as_mofile(str(path))


def test_a_string_an_upgrade_brings_in_polish_only_is_english_in_czech(tmp_path, settings):
    """The fallback stays for the next upgrade: a new string Czech lacks never shows in Polish."""
    upgrade, fallback = tmp_path / "upgrade", tmp_path / "fallback"
    probe = polib.POEntry(msgid="A new admin string", msgstr="Nowy tekst panelu")
    count = "%(count)s new string"
    counted = polib.POEntry(
        msgid=count,
        msgid_plural=f"{count}s",
        msgstr_plural={0: "%(count)s nowy tekst", 1: "%(count)s nowe teksty", 2: "%(count)s nowych tekstów"},
    )
    compile_catalog(upgrade, "pl", [probe, counted])
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS[:-1], upgrade, fallback]
    settings.ADMIN_FALLBACK_LOCALE_DIR = fallback

    written = admin_fallback.write_catalogs()

    assert written[admin_fallback.catalog_path("cs", "django")] == len(admin_fallback.missing("cs", "django"))
    with translation.override("pl"):
        assert translation.gettext(probe.msgid) == "Nowy tekst panelu"
        assert translation.ngettext(count, f"{count}s", 3) == "%(count)s nowe teksty"
    with translation.override("cs"):
        assert translation.gettext(probe.msgid) == "A new admin string"
        # Czech rules pick the form: 1, then 2-4 and 5 and more, both English's plural.
        assert [translation.ngettext(count, f"{count}s", n) for n in (1, 3, 5)] == [count, f"{count}s", f"{count}s"]
        assert translation.gettext("Save draft") == "Uložit návrh"


def test_czech_translations_are_kept_where_they_exist():
    with translation.override("cs"):
        assert translation.gettext("Save draft") == "Uložit návrh"
        # Czech plural forms still follow Czech rules (1; 2–4; 5 and more), not the fallback's English rule.
        copies = ["This will copy %(count)s subpage.", "This will copy %(count)s subpages."]
        assert translation.ngettext(*copies, 1) == "Bude zkopírována %(count)s podstránka."
        assert translation.ngettext(*copies, 5) == "Bude zkopírováno %(count)s podstránek."


def test_the_czech_admin_search_box_is_in_czech(login_as_editor):
    html = login_as_editor("cs").get("/admin/pages/").content.decode()

    assert "Szukaj" not in html
    assert "Hledat…" in html


def test_the_czech_admin_javascript_pluralises_in_czech(login_as_editor):
    """The fallback catalog once carried the English plural rule, which the JavaScript catalog then used."""
    script = login_as_editor("cs").get("/admin/jsi18n/").content.decode()

    assert "(n >= 2 && n <= 4 && n % 1 == 0) ? 1" in script
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))
    assert catalog["%(num)s error"] == ["%(num)s chyba", "%(num)s chyby", "%(num)s chyby", "%(num)s chyb"]


def test_the_committed_catalogs_are_what_the_installed_packages_call_for(tmp_path):
    """Stale after an upgrade: identity entries would hide new Czech translations, or Polish would come back."""
    admin_fallback.write_catalogs(tmp_path)

    for language in admin_fallback.fallback_languages():
        for domain in admin_fallback.DOMAINS:
            fresh = admin_fallback.catalog_path(language, domain, tmp_path).read_text()
            committed = admin_fallback.catalog_path(language, domain).read_text()
            assert committed == fresh, f"Run `manage.py build_admin_fallback`: {language}/{domain} is stale."
