"""Languages as parameters: the API's `locale`, and the language code in the paths of widgets and feeds."""

from django.conf import settings

from core.api.params.kinds import Choice


class UnknownLocale(Exception):
    """A language code in a path that is not one of the content languages."""

    def __init__(self, code):
        self.code = code
        configured = ", ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
        super().__init__(f"Unknown language {code!r}; use one of: {configured}.")


CONTENT_LANGUAGES = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)

#: The API's `locale`: a content language; its view also refuses one without a home page (`locale_id_of`).
LOCALE = Choice(
    "locale",
    choices=CONTENT_LANGUAGES,
    default=settings.LANGUAGE_CODE,
    description="Language of the result; the default language (pl) when omitted.",
    wording={"invalid": f"Unknown locale {{value!r}}; use one of {', '.join(sorted(CONTENT_LANGUAGES))}."},
)


def locale_id_of(query, tree):
    """The `locale` parameter as a Locale id: a content language that has a home page; the default when absent."""
    code = LOCALE.read(query)
    locale_id = tree.locale_ids.get(code)
    if locale_id is None:
        raise LOCALE.refusal("invalid", value=code)
    return locale_id


def check_language(code):
    """UnknownLocale unless `code` is a configured content language (before activating it for translations)."""
    if code not in CONTENT_LANGUAGES:
        raise UnknownLocale(code)


def locale_id_for(tree, code):
    """The Locale id of a content language in a path that has a home page, or UnknownLocale."""
    check_language(code)
    locale_id = tree.locale_ids.get(code)
    if locale_id not in tree.home_paths:
        raise UnknownLocale(code)
    return locale_id
