"""The offline round trip: one PO file per locale out, translated strings back in.

Each entry's `msgctxt` names the source object and field, e.g.
`practices.PracticePage:42 summary`, which is also how an import finds the
string again. An extracted comment keeps a hash of the translation the file
was made with, so an import notices strings that someone changed in the admin
in the meantime and leaves them alone (with a warning) instead of overwriting
them. Machine translations are exported filled in and marked `fuzzy`, the PO
way of saying "check me": removing the mark confirms them.

Imports are all or nothing: a malformed file, the wrong language or a string
that names nothing we know rejects the whole file before anything is written.
"""

import hashlib
import re
from dataclasses import dataclass, field

import polib
from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
)
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translation.review import ReviewError, submit_for_review
from translation.status import progress_of, translations_into

CONTEXT_PATTERN = re.compile(r"^(?P<model>\w+\.\w+):(?P<pk>\S+) (?P<path>\S+)$")
PREVIOUS = "previous translation: "
NONE = "none"


def text_hash(text):
    return hashlib.sha256(text.encode()).hexdigest()[:16] if text else NONE


def _object_label(model, pk):
    return f"{model._meta.app_label}.{model.__name__}:{pk}"


def export_po(locale, *, only_outdated=False):
    """Every untranslated or machine-translated string of the translations into `locale`, as one POFile.

    `only_outdated` keeps the translations that are not up to date (source
    changed, strings missing, or not yet published since the last sync).
    """
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Agglomerations4Borderlands",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Language": locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for translation, _progress in translations_into(locale, only_outdated=only_outdated):
        source = translation.source
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist:
            continue
        model = type(instance.specific if isinstance(instance, Page) else instance)
        existing = {
            (row.translation_of_id, row.context_id): row
            for row in StringTranslation.objects.filter(locale=locale, context__object_id=source.object_id)
        }
        segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
        for segment in segments:
            current = existing.get((segment.string_id, segment.context_id))
            machine = current is not None and current.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
            if current is not None and not machine and not current.has_error:
                continue
            entry = polib.POEntry(
                msgctxt=f"{_object_label(model, instance.pk)} {segment.context.path}",
                msgid=segment.string.data,
                msgstr=current.data if current is not None else "",
                comment="\n".join(
                    [
                        f"{model._meta.verbose_name}: {source.object_repr} "
                        f"({source.locale.language_code} → {locale.language_code}), field: {segment.context.path}",
                        f"{PREVIOUS}{text_hash(current.data if current else '')}",
                    ]
                ),
            )
            if machine:
                entry.flags.append("fuzzy")
                entry.tcomment = (
                    f"machine translation ({current.tool_name or 'machine'}): check it, then remove 'fuzzy'"
                )
            po.append(entry)
    return po


class ImportRejected(Exception):
    """The whole file was refused; `errors` lists every problem found, and nothing was changed."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


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


def parse_po(content):
    """A POFile from bytes or text; ImportRejected if it is not a PO file."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ImportRejected([_("The file is not UTF-8 text.")]) from error
    if not content.strip():
        raise ImportRejected([_("The file is empty.")])
    try:
        po = polib.pofile(content)
    except (OSError, ValueError) as error:
        raise ImportRejected([_("The file is not a valid PO file: %(error)s") % {"error": error}]) from error
    if not po.metadata and not len(po):
        raise ImportRejected([_("The file is not a valid PO file.")])
    return po


def import_po(content, *, user=None, expected_locale=None, review=True):
    """Apply a translated PO file; returns an ImportResult or raises ImportRejected having changed nothing.

    `user` None means a trusted command-line run; an admin user must be able
    to edit every translation the file touches. With `review`, each page or
    topic whose translation is now complete is saved as a draft and enters its
    review workflow.
    """
    po = parse_po(content)
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
    result = ImportResult()
    plan = _plan(po, locale, user, result)
    with transaction.atomic():
        for item in plan:
            _write(item, locale, user, result)
        if review:
            for translation in result.translations.values():
                _submit(translation, user, result)
    return result


def _plan(po, locale, user, result):
    errors, plan, cache = [], [], {}
    for index, entry in enumerate(po, start=1):
        if entry.obsolete:
            continue
        where = _("entry %(index)d (%(context)s)") % {"index": index, "context": entry.msgctxt or "-"}
        match = CONTEXT_PATTERN.match(entry.msgctxt or "")
        if match is None:
            errors.append(_("%(where)s: unknown string, its context names no page or topic field.") % {"where": where})
            continue
        key = (match["model"], match["pk"])
        if key not in cache:
            cache[key] = _translation_for(match["model"], match["pk"], locale, user)
        translation = cache[key]
        if isinstance(translation, str):
            errors.append(f"{where}: {translation}")
            continue
        context = TranslationContext.objects.filter(object_id=translation.source.object_id, path=match["path"]).first()
        if context is None:
            errors.append(_("%(where)s: unknown string, no such field.") % {"where": where})
            continue
        if not entry.msgstr:
            continue
        segment = (
            StringSegment.objects.filter(source=translation.source, context=context).select_related("string").first()
        )
        if segment is None or segment.string.data != entry.msgid:
            result.warnings.append(
                _("%(where)s: the source text changed since the export; not imported, translate the new text.")
                % {"where": where}
            )
            continue
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, context=context, locale=locale
        ).first()
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
        plan.append(_Planned(translation, segment.string, context, entry.msgstr, existing))
    if errors:
        raise ImportRejected(errors)
    return plan


def _translation_for(label, pk, locale, user):
    """The enabled Translation of the object `label:pk` into `locale`, or a message saying why there is none."""
    try:
        model = apps.get_model(label)
        instance = model.objects.get(pk=pk)
    except (LookupError, ValueError, ObjectDoesNotExist):
        return _("unknown string, %(object)s does not exist.") % {"object": f"{label}:{pk}"}
    translation = (
        Translation.objects.filter(
            enabled=True,
            source__object_id=instance.translation_key,
            source__locale_id=instance.locale_id,
            target_locale=locale,
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return _("unknown string, %(object)s is not being translated into this language.") % {"object": f"{label}:{pk}"}
    if user is not None:
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            return _("the translation of %(object)s no longer exists.") % {"object": f"{label}:{pk}"}
        if not user_can_edit_instance(user, target):
            raise PermissionDenied
    return translation


def _write(item, locale, user, result):
    values = {
        "data": item.text,
        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
        "tool_name": "",
        "last_translated_by": user,
        "has_error": False,
        "field_error": "",
    }
    if item.existing is not None and item.existing.data == item.text:
        result.confirmed += 1
    else:
        result.imported += 1
    string_translation, _created = StringTranslation.objects.update_or_create(
        translation_of=item.string, context=item.context, locale=locale, defaults=values
    )
    if string_translation.has_error:
        result.warnings.append(
            _("%(context)s: the translation is not valid (e.g. broken HTML or links) and is not used.")
            % {"context": item.context.path}
        )
    result.translations[item.translation.pk] = item.translation


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
