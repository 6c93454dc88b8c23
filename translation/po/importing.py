"""Translated strings back in: all or nothing, only into the importer's own languages and objects."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
)
from wagtail_localize.strings import StringValue, validate_translation_links

from core.api.cache import bump_content_version
from translation.machine import confirmed_tool_name
from translation.permissions import locales_with
from translation.po.common import CONTEXT_PATTERN, PREVIOUS, text_hash
from translation.po.parsing import ImportRejected, parse_po, too_many_reviews
from translation.po.targets import Target, translation_for
from translation.review import ReviewError, submit_for_review
from translation.status import progress_of


@dataclass
class ImportResult:
    imported: int = 0
    confirmed: int = 0
    warnings: list = field(default_factory=list)
    submitted: list = field(default_factory=list)
    translations: dict = field(default_factory=dict)


@dataclass
class _Planned:
    translation: Translation
    string: String
    context: TranslationContext
    text: str
    existing: StringTranslation | None


def target_locale_ids(user):
    """The locales whose translations `user` may fill in: those of their page change rights."""
    return locales_with(user, "change_page")


def import_po(content, *, user=None, expected_locale=None, review=True, max_entries=None, max_reviews=None):
    """Apply a translated PO file; returns an ImportResult or raises ImportRejected having changed nothing.

    `user` None means a trusted command-line run; an admin user must work on
    translations into the file's language and be able to edit every
    translation the file touches. With `review`, each page or topic whose
    translation is now complete is saved as a draft and enters its review
    workflow. `max_entries` and `max_reviews` bound the work of one request:
    strings in the file, and pages or topics it would submit for review.
    """
    po = parse_po(content, max_entries=max_entries)
    code = po.metadata.get("Language", "").strip()
    locale = Locale.objects.filter(language_code=code).first() if code else None
    if locale is None:
        raise ImportRejected(
            [_("The file names no known language (its 'Language' header is %(code)r).") % {"code": code}]
        )
    if expected_locale is not None and locale != expected_locale:
        raise ImportRejected(
            [
                _("The file is for %(found)s, not %(expected)s.")
                % {"found": locale.get_display_name(), "expected": expected_locale.get_display_name()}
            ]
        )
    if user is not None and locale.pk not in target_locale_ids(user):
        raise ImportRejected(
            [
                _("The file is for %(language)s, and you do not work on translations into it.")
                % {"language": locale.get_display_name()}
            ]
        )
    result = ImportResult()
    plan = _plan(po, locale, user, result)
    if review and max_reviews is not None and len({item.translation.pk for item in plan}) > max_reviews:
        raise too_many_reviews(max_reviews)
    with transaction.atomic():
        _write(plan, locale, user, result)
        if review:
            for translation in result.translations.values():
                _submit(translation, user, result)
    return result


def _plan(po, locale, user, result):
    errors, plan, targets = [], [], {}
    for index, entry in enumerate(po, start=1):
        if entry.obsolete:
            continue
        where = _("entry %(index)d (%(context)s)") % {"index": index, "context": entry.msgctxt or "-"}
        match = CONTEXT_PATTERN.match(entry.msgctxt or "")
        if match is None:
            errors.append(_("%(where)s: unknown string, its context names no page or topic field.") % {"where": where})
            continue
        key = (match["model"], match["pk"])
        if key not in targets:
            translation = translation_for(match["model"], match["pk"], locale, user)
            targets[key] = translation if isinstance(translation, str) else Target.load(translation, locale)
        target = targets[key]
        if isinstance(target, str):
            errors.append(f"{where}: {target}")
            continue
        context = target.contexts.get(match["path"])
        if context is None:
            errors.append(_("%(where)s: unknown string, no such field.") % {"where": where})
            continue
        if not entry.msgstr:
            continue
        segment = target.segments.get(context.pk)
        if segment is None or segment.string.data != entry.msgid:
            result.warnings.append(
                _("%(where)s: the source text changed since the export; not imported, translate the new text.")
                % {"where": where}
            )
            continue
        existing = target.existing.get((segment.string_id, context.pk))
        previous = next(
            (line[len(PREVIOUS) :] for line in entry.comment.splitlines() if line.startswith(PREVIOUS)), None
        )
        if (
            existing is not None
            and existing.data != entry.msgstr
            and previous is not None
            and text_hash(existing.data) != previous
        ):
            result.warnings.append(
                _("%(where)s: translated in the admin since the export; kept that translation, not the file's.")
                % {"where": where}
            )
            continue
        is_unchanged_machine = (
            existing is not None
            and existing.data == entry.msgstr
            and existing.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        )
        if (
            existing is not None
            and existing.data == entry.msgstr
            and ("fuzzy" in entry.flags or not is_unchanged_machine)
        ):
            continue
        plan.append(_Planned(target.translation, segment.string, context, entry.msgstr, existing))
    if errors:
        raise ImportRejected(errors)
    return plan


def _write(plan, locale, user, result):
    """Store the planned strings in one statement, validated as wagtail-localize's save() would.

    One upsert instead of a save() per string: each save also renewed the API's
    content version, twice, so a large file spent most of its time there. The
    version is renewed once here instead.
    """
    rows = []
    for item in plan:
        tool_name = ""
        if item.existing is not None and item.existing.data == item.text:
            result.confirmed += 1
            tool_name = confirmed_tool_name(item.existing.tool_name)
        else:
            result.imported += 1
        valid = _is_valid(item.string.data, item.text)
        if not valid:
            result.warnings.append(
                _("%(context)s: the translation is not valid (e.g. broken HTML or links) and is not used.")
                % {"context": item.context.path}
            )
        rows.append(
            StringTranslation(
                translation_of=item.string,
                context=item.context,
                locale=locale,
                data=item.text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=tool_name,
                last_translated_by=user,
                has_error=not valid,
                field_error="",
            )
        )
        result.translations[item.translation.pk] = item.translation
    if not rows:
        return
    StringTranslation.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["locale", "translation_of", "context"],
        update_fields=[
            "data",
            "translation_type",
            "tool_name",
            "last_translated_by",
            "has_error",
            "field_error",
            "updated_at",
        ],
    )
    bump_content_version()


def _is_valid(source, text):
    """wagtail-localize keeps invalid strings (broken HTML, changed links) but marks them and never uses them."""
    try:
        StringValue.from_translated_html(text)
        validate_translation_links(source, text)
    except ValueError:
        return False
    return True


def _submit(translation, user, result):
    progress = progress_of(translation)
    if not progress.complete:
        result.warnings.append(
            _("%(object)s: %(missing)d strings still missing, not submitted for review.")
            % {"object": translation.source.object_repr, "missing": progress.missing}
        )
        return
    try:
        submit_for_review(translation, user, trusted=user is None)
    except ReviewError as error:
        result.warnings.append(f"{translation.source.object_repr}: {error}")
    else:
        result.submitted.append(translation.source.object_repr)
