"""Helpers shared by the tests: translating objects the way a translator does in wagtail-localize."""

from django.core.exceptions import ValidationError
from django.test import TestCase
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource


def translate(instance, locale, strings, *, publish=True, fallback=False):
    """Translate `instance` into `locale` through wagtail-localize and return the translated object.

    `strings` maps source texts to their translations; they are imported into the
    `Translation` as a PO file, as a translator would upload them. The source is
    refreshed from the instance first, so this also re-syncs an existing
    translation after the source changed. With `fallback=False` (the default) a
    source string without a translation raises MissingTranslationError instead of
    going live untranslated. Publishing runs in `transaction.on_commit`, so the
    callbacks are executed here.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    warnings = translation.import_po(po, tool_name="tests")
    assert not warnings, warnings
    with TestCase.captureOnCommitCallbacks(execute=True):
        source.create_or_update_translation(locale, publish=publish, fallback=fallback)
    translated = instance.get_translation(locale)
    return translated.specific if isinstance(translated, Page) else translated


def validation_errors(instance):
    """What `full_clean()` reports, as {field: {error codes}}; empty if the instance is valid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return {field: {item.code for item in items} for field, items in error.error_dict.items()}
    return {}


def creatable_under(model, pages):
    """The names of the `pages` under which an editor may add a `model` page."""
    return {name for name, page in pages.items() if model.can_create_at(page)}


def allowed_under(model, pages):
    """The names of the `pages` under which a `model` page may exist (e.g. after a move)."""
    return {name for name, page in pages.items() if model.can_exist_under(page)}
