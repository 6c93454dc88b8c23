"""Admin strings that Czech lacks appear in English, never in the default language (Polish)."""

import json
import re

from django.conf import settings
from django.utils import translation

from translation import admin_fallback


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
    lacking = admin_fallback.missing("cs", "django")
    # Wagtail's and wagtail-localize's Czech catalogs are incomplete: the case this guards against exists.
    assert len(lacking) > 100

    with translation.override("cs"):
        for entry in lacking:
            assert shown(entry, 1) == entry.msgid
            if entry.msgid_plural:
                assert shown(entry, 5) == entry.msgid_plural


def test_czech_translations_are_kept_where_they_exist():
    with translation.override("cs"):
        assert translation.gettext("Save draft") == "Uložit návrh"
        # Czech plural forms still follow Czech rules (1; 2–4; 5 and more), not the fallback's English rule.
        copies = ["This will copy %(count)s subpage.", "This will copy %(count)s subpages."]
        assert translation.ngettext(*copies, 1) == "Bude zkopírována %(count)s podstránka."
        assert translation.ngettext(*copies, 5) == "Bude zkopírováno %(count)s podstránek."


def test_the_czech_admin_search_box_is_not_in_polish(login_as_editor):
    html = login_as_editor("cs").get("/admin/pages/").content.decode()

    assert "Szukaj" not in html
    assert "Search…" in html


def test_the_czech_admin_javascript_catalog_has_no_polish(login_as_editor):
    response = login_as_editor("cs").get("/admin/jsi18n/")
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S).group(1))
    lacking = [entry for entry in admin_fallback.missing("cs", "djangojs") if not entry.msgctxt]
    assert lacking

    for entry in lacking:
        if entry.msgid in catalog:
            value = catalog[entry.msgid]
            assert value == ([entry.msgid, entry.msgid_plural] if entry.msgid_plural else entry.msgid)


def test_the_committed_catalogs_are_what_the_installed_packages_call_for(tmp_path):
    """Stale after an upgrade: identity entries would hide new Czech translations, or Polish would come back."""
    admin_fallback.write_catalogs(tmp_path)

    for language in admin_fallback.fallback_languages():
        for domain in admin_fallback.DOMAINS:
            fresh = admin_fallback.catalog_path(language, domain, tmp_path).read_text()
            committed = admin_fallback.catalog_path(language, domain).read_text()
            assert committed == fresh, f"Run `manage.py build_admin_fallback`: {language}/{domain} is stale."
