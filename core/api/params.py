"""Query parameters of the non-JSON outputs (widgets, feeds) checked and applied like the API's.

Widgets and feeds are plain Django views, not DRF ones, but a parameter means
the same everywhere: the same FilterSet filters, and a typo, an empty value or a
repeated single value is refused with the parameter's name rather than ignored.
"""

import django_filters
from django.conf import settings

from core.api.filters import SlugListFilter
from core.api.tree import public_pages


class BadParameters(Exception):
    """The request's parameters, {name: [problems]}; views answer 400 with them."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors

    def lines(self):
        return [f"{name}: {' '.join(str(problem) for problem in problems)}" for name, problems in self.errors.items()]


class UnknownLocale(Exception):
    """A language code in a path that is not one of the content languages."""

    def __init__(self, code):
        self.code = code
        configured = ", ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
        super().__init__(f"Unknown language {code!r}; use one of: {configured}.")


def check_language(code):
    """UnknownLocale unless `code` is a configured content language (before activating it for translations)."""
    if code not in {language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES}:
        raise UnknownLocale(code)


def locale_id_for(tree, code):
    """The Locale id of a content language that has a home page, or UnknownLocale."""
    configured = {language for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    locale_id = tree.locale_ids.get(code)
    if code not in configured or locale_id not in tree.home_paths:
        raise UnknownLocale(code)
    return locale_id


def check_params(params, allowed, filterset_class=None):
    """Refuse unknown, empty and repeated single-value parameters, as the API does."""
    multiple = set()
    if filterset_class is not None:
        multiple = {
            name
            for name, parameter in filterset_class.base_filters.items()
            if isinstance(parameter, django_filters.MultipleChoiceFilter | SlugListFilter)
        }
    problems = {}
    for name, values in params.lists():
        if name not in allowed:
            problems[name] = ["Unknown parameter."]
        elif len(values) > 1 and name not in multiple:
            problems[name] = ["Give this parameter once."]
        elif any(value == "" for value in values):
            problems[name] = ["Give a value, or leave the parameter out."]
    if problems:
        raise BadParameters(dict(sorted(problems.items())))


def filtered_pages(model, filterset_class, params, *, tree, locale_id):
    """Public `model` pages of one locale narrowed by the FilterSet's parameters found in `params`."""
    data = params.copy()
    for name in list(data):
        if name not in filterset_class.base_filters or name == "locale":
            del data[name]
    filterset = filterset_class(data=data, queryset=public_pages(model, tree).filter(locale_id=locale_id))
    if not filterset.is_valid():
        raise BadParameters({name: list(problems) for name, problems in sorted(filterset.errors.items())})
    return filterset.qs


def integer_param(params, name, *, default, minimum, maximum):
    """A bounded whole number such as `limit`."""
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameters({name: ["Give a whole number."]}) from None
    if not minimum <= value <= maximum:
        raise BadParameters({name: [f"Give a number from {minimum} to {maximum}."]})
    return value
