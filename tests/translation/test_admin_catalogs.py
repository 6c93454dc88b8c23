"""Every admin string of the pinned Wagtail and wagtail-localize is in Polish and Czech, placeholders intact."""

from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from translation import admin_catalogs


@pytest.mark.parametrize("language", ["pl", "cs"])
def test_every_admin_string_is_translated_with_its_placeholders(language):
    """Fails after an upgrade brings new strings: `manage.py admin_catalogs` writes them out to translate."""
    assert admin_catalogs.admin_languages() == ["pl", "cs"]

    assert [str(problem) for problem in admin_catalogs.problems(language)] == []


def test_the_strings_come_from_the_installed_apps_of_the_pinned_packages():
    apps = {config.name for config, _domain, _path in admin_catalogs.source_catalogs()}

    assert {"wagtail", "wagtail.admin", "wagtail.images", "wagtail_localize", "wagtail_localize.locales"} <= apps
    # Apps that are not installed show no string: Wagtail's styleguide, promoted search results, table blocks,
    # simple translation, and wagtail.locales (wagtail_localize.locales replaces it).
    assert not apps & {
        "wagtail.contrib.styleguide",
        "wagtail.contrib.search_promotions",
        "wagtail.contrib.table_block",
        "wagtail.contrib.typed_table_block",
        "wagtail.contrib.simple_translation",
        "wagtail.locales",
    }
    domains = {(config.name, domain) for config, domain, _path in admin_catalogs.source_catalogs()}
    assert {("wagtail.admin", "djangojs"), ("wagtail_localize", "djangojs")} <= domains


def entry(msgid, msgstr="", msgid_plural="", forms=None, flags=("python-format",)):
    return polib.POEntry(
        msgid=msgid, msgstr=msgstr, msgid_plural=msgid_plural, msgstr_plural=forms or {}, flags=list(flags)
    )


@pytest.mark.parametrize(
    ("msgid", "msgstr", "problem"),
    [
        ("Edit '%(title)s'", "Upravit „%(title)s“", None),
        ("Edit '%(title)s'", "Upravit „%(titel)s“", "placeholders differ"),
        ("Edit '%(title)s'", "Upravit", "placeholders differ"),
        ("Change %s", "Změnit", "placeholders differ"),
        ("Translate with ", "Přeložit pomocí", "leading or trailing spaces differ"),
        ("Translate with ", "Přeložit nástrojem ", None),
        ("100%% done", "Hotovo na 100 %%", None),
    ],
)
def test_a_translation_keeps_the_placeholders_and_edge_spaces(msgid, msgstr, problem):
    assert admin_catalogs.placeholder_problem(entry(msgid), entry(msgid, msgstr)) == problem


def test_brace_placeholders_count_only_in_brace_formatted_strings():
    source = entry("Locale '{0}' created.", flags=["python-brace-format"])

    assert admin_catalogs.placeholder_problem(source, entry("", "Jazyk „{0}“ vytvořen.")) is None
    assert admin_catalogs.placeholder_problem(source, entry("", "Jazyk vytvořen.")) == "placeholders differ"
    plain = entry("Use {braces} freely", flags=[])
    assert admin_catalogs.placeholder_problem(plain, entry("", "Závorky volně")) is None


@pytest.mark.parametrize(
    ("forms", "problem"),
    [
        ({0: "1 stránka", 1: "%(count)s stránky", 2: "%(count)s stránky", 3: "%(count)s stránek"}, None),
        ({0: "%(count)s stránka", 1: "stránky", 2: "%(count)s stránky", 3: "%(count)s stránek"}, "lacks"),
        ({0: "%(total)s stránka", 1: "%(count)s stránky", 2: "%(count)s stránky", 3: "%(count)s"}, "differ"),
    ],
)
def test_a_plural_form_may_leave_out_the_count_only_for_one(forms, problem):
    source = entry("%(count)s page", msgid_plural="%(count)s pages")

    found = admin_catalogs.placeholder_problem(source, entry("", msgid_plural="x", forms=forms))

    assert found is None if problem is None else problem in found


def test_a_plural_form_keeps_positional_placeholders():
    source = entry("%d page", msgid_plural="%d pages")
    forms = {0: "jedna stránka", 1: "%d stránky", 2: "%d stránky", 3: "%d stránek"}

    assert admin_catalogs.placeholder_problem(source, entry("", msgid_plural="x", forms=forms)) is not None


def catalogs_under(root):
    return sorted(Path(root).glob("*/LC_MESSAGES/*.po"))


def translated_entries(catalog):
    return {
        (item.msgctxt, item.msgid): (item.msgstr, sorted(item.msgstr_plural.items()))
        for item in catalog
        if item.msgid and not item.obsolete and "fuzzy" not in item.flags
        if item.msgstr or any(item.msgstr_plural.values())
    }


def test_every_catalog_of_ours_is_compiled_from_its_source():
    """Django reads the .mo files: a .po edited without `msgfmt` would change nothing in the admin."""
    catalogs = [path for root in settings.LOCALE_PATHS for path in catalogs_under(root)]
    assert len(catalogs) >= 6

    for path in catalogs:
        compiled = path.with_suffix(".mo")
        assert compiled.exists(), f"{path} is not compiled"
        source, binary = polib.pofile(str(path)), polib.mofile(str(compiled))
        assert translated_entries(binary) == translated_entries(source), f"Compile {path}: msgfmt -o {compiled.name}"
        assert binary.metadata.get("Plural-Forms") == source.metadata.get("Plural-Forms")


@pytest.mark.parametrize("language", ["pl", "cs"])
def test_our_catalogs_share_the_plural_rule_of_wagtails_own(language):
    """Catalogs with one plural rule merge into one; JavaScript takes the rule from the first catalog it read."""
    for root in (settings.ADMIN_LOCALE_DIR, settings.ADMIN_FALLBACK_LOCALE_DIR):
        for path in Path(root).glob(f"{language}/LC_MESSAGES/*.po"):
            assert polib.pofile(str(path)).metadata["Plural-Forms"] == admin_catalogs.plural_forms(language)


def test_the_translation_command_writes_what_a_language_lacks(tmp_path, monkeypatch):
    missing = polib.POEntry(msgid="Translate with ", flags=[])
    problem = admin_catalogs.Problem("wagtail_localize", "djangojs", missing, "untranslated")
    monkeypatch.setattr(admin_catalogs, "problems", lambda language: [problem])

    catalog = admin_catalogs.to_translate("cs", "djangojs")

    assert [item.msgid for item in catalog] == ["Translate with "]
    assert catalog[0].comment == "wagtail_localize: untranslated"
    assert catalog.metadata["Plural-Forms"] == admin_catalogs.plural_forms("cs")
    assert len(admin_catalogs.to_translate("cs", "django")) == 0


def test_the_command_appends_what_to_translate_to_our_catalogs(tmp_path, settings, monkeypatch):
    settings.ADMIN_LOCALE_DIR = tmp_path
    missing = polib.POEntry(msgid="Collapse all", flags=[])
    monkeypatch.setattr(
        admin_catalogs,
        "problems",
        lambda language: [admin_catalogs.Problem("wagtail.admin", "djangojs", missing, "untranslated")],
    )
    out = StringIO()

    call_command("admin_catalogs", "--add", stdout=out)

    assert "cs djangojs: 1 strings to translate" in out.getvalue()
    added = polib.pofile(str(tmp_path / "cs" / "LC_MESSAGES" / "djangojs.po"))
    assert [(item.msgid, item.msgstr) for item in added] == [("Collapse all", "")]
    assert not (tmp_path / "cs" / "LC_MESSAGES" / "django.po").exists()
