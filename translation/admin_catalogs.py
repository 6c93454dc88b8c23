"""Every admin string of the pinned Wagtail and wagtail-localize, translated into every admin language.

Wagtail's and wagtail-localize's own Polish and Czech catalogs lack a few hundred
of the strings their admin shows (Czech most: "Aging pages", "Collapse all", the
workflow e-mails), and a few of their translations are broken (wagtail-localize's
"Translate with " loses the space before the translator's name). Our translations
of those strings live in `ADMIN_LOCALE_DIR` (translation/admin_locale/), a
LOCALE_PATHS entry of their own: `makemessages`, run for the project's strings in
locale/, never sees these msgids and would mark them obsolete there.

This module says which strings the admin can show (the English catalogs of the
installed apps of the pinned packages: apps not in INSTALLED_APPS, such as
wagtail.contrib.styleguide or wagtail.contrib.search_promotions, never show a
string), which of them an admin language lacks and which of its translations
change a placeholder. tests/translation/test_admin_catalogs.py keeps both lists
empty; after an upgrade, `manage.py admin_catalogs` writes what is new as PO
files to translate.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation import to_locale

#: The packages whose admin strings we keep translated, pinned in requirements.txt.
PACKAGES = ("wagtail", "wagtail_localize")
DOMAINS = ("django", "djangojs")
#: printf-style placeholders (Python's and Django's JavaScript `interpolate`): named, or positional.
PRINTF = re.compile(r"%(?:\((?P<name>\w+)\))?[-#0 +]*\d*(?:\.\d+)?(?P<type>[sdifreEgGxXc%])")
BRACE = re.compile(r"\{(\w*)(?:![rsa])?(?::[^{}]*)?\}")


def admin_languages():
    """The admin languages whose translations we keep complete (English is what the strings are written in)."""
    return [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES if not code.startswith("en")]


def source_catalogs():
    """(app config, domain, English catalog path) for every installed app of the pinned packages."""
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in PACKAGES:
            continue
        for domain in DOMAINS:
            path = Path(config.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                yield config, domain, path


def source_entries(path):
    return [entry for entry in polib.pofile(str(path)) if entry.msgid and not entry.obsolete]


def catalog_dirs(domain, config=None):
    """The locale directories Django reads `domain` from, the one whose translation wins first.

    Server-side strings come from every app and LOCALE_PATHS; the admin's JavaScript
    catalogs (`JavaScriptCatalog(packages=[app])`) from the app's own catalogs and LOCALE_PATHS.
    The English fallback catalogs (translation/admin_fallback.py) are not translations.
    """
    fallback = Path(settings.ADMIN_FALLBACK_LOCALE_DIR).resolve()
    local = [Path(path) for path in settings.LOCALE_PATHS if Path(path).resolve() != fallback]
    if domain == "djangojs" and config is not None:
        return [*local, Path(config.path) / "locale"]
    return [
        *local,
        *(Path(app.path) / "locale" for app in apps.get_app_configs()),
        Path(django.__file__).parent / "conf" / "locale",
    ]


def compiled(directory, language, domain):
    """(msgctxt, msgid) -> entry of the translated entries of one compiled catalog."""
    path = Path(directory) / to_locale(language) / "LC_MESSAGES" / f"{domain}.mo"
    if not path.exists():
        return {}
    return {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.mofile(str(path))
        if entry.msgid and (entry.msgstr or any(entry.msgstr_plural.values()))
    }


def effective(language, domain, config=None):
    """(msgctxt, msgid) -> the entry Django uses for `language`: the first catalog that translates it wins."""
    found = {}
    for directory in catalog_dirs(domain, config):
        for key, entry in compiled(directory, language, domain).items():
            found.setdefault(key, entry)
    return found


def placeholders(text, brace=False):
    """The named placeholders (a set) and the positional ones (in order) of a format string."""
    named, positional = set(), []
    for match in PRINTF.finditer(text):
        if match["type"] == "%":
            continue
        if match["name"]:
            named.add(match["name"])
        else:
            positional.append(match["type"])
    if brace:
        for name in BRACE.findall(text):
            if name and not name.isdigit():
                named.add(name)
            else:
                positional.append(name or "{}")
    return named, positional


def _edges(text):
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def placeholder_problem(source, translated):
    """Why a translation breaks its source entry's placeholders or edge spaces, or None."""
    brace = "python-brace-format" in source.flags
    if not source.msgid_plural:
        if placeholders(translated.msgstr, brace) != placeholders(source.msgid, brace):
            return "placeholders differ"
        if _edges(translated.msgstr) != _edges(source.msgid):
            return "leading or trailing spaces differ"
        return None
    singular, plural = placeholders(source.msgid, brace), placeholders(source.msgid_plural, brace)
    for index, form in sorted(translated.msgstr_plural.items()):
        named, positional = placeholders(form, brace)
        expected = singular if index == 0 else plural
        # A form may leave a named count out ("one page"); never add a name, nor drop a positional one.
        if not named <= singular[0] | plural[0] or positional != expected[1]:
            return f"placeholders of plural form {index} differ"
        if index and not plural[0] <= named:
            return f"plural form {index} lacks a placeholder"
    return None


@dataclass(frozen=True)
class Problem:
    app: str
    domain: str
    entry: polib.POEntry
    reason: str

    def __str__(self):
        context = f"[{self.entry.msgctxt}] " if self.entry.msgctxt else ""
        return f"{self.app} {self.domain}: {context}{self.entry.msgid!r}: {self.reason}"


def problems(language):
    """Every admin string `language` lacks or translates with other placeholders, once each."""
    found, seen, cache = [], set(), {}
    for config, domain, path in source_catalogs():
        scope = config.name if domain == "djangojs" else None
        if (domain, scope) not in cache:
            cache[domain, scope] = effective(language, domain, config if scope else None)
        translated = cache[domain, scope]
        for entry in source_entries(path):
            key = (domain, scope, entry.msgctxt, entry.msgid)
            if key in seen:
                continue
            seen.add(key)
            match = translated.get((entry.msgctxt, entry.msgid))
            reason = "untranslated" if match is None else placeholder_problem(entry, match)
            if reason:
                found.append(Problem(config.name, domain, entry, reason))
    return found


def plural_forms(language):
    """The Plural-Forms header of Wagtail's own catalogs for `language`, which ours must share."""
    path = Path(apps.get_app_config("wagtailadmin").path) / "locale" / to_locale(language) / "LC_MESSAGES"
    return polib.pofile(str(path / "django.po")).metadata["Plural-Forms"]


def to_translate(language, domain):
    """A PO file of the entries `language` lacks (or must override) in `domain`, for a translator."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(language),
    }
    nplurals = int(re.search(r"nplurals=(\d+)", plural_forms(language))[1])
    for problem in problems(language):
        if problem.domain != domain:
            continue
        entry = problem.entry
        catalog.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr="",
                msgstr_plural=dict.fromkeys(range(nplurals), "") if entry.msgid_plural else {},
                flags=[flag for flag in entry.flags if flag.endswith("-format")],
                comment=f"{problem.app}: {problem.reason}",
            )
        )
    return catalog
