"""Machine translations are checked string by string, and reviewers see which ones were machine-made.

A single "confirm all" button let a translator pass sixteen strings of
reversed words on to review without reading them. Now the translator checks
them on a page that shows each string beside its source, field by field, and
confirms only the ones ticked there (or edits them in the translation
editor, or in a PO file). A confirmed string keeps the machine's name in its
`tool_name` after CONFIRMED_MARK, so reviewers see what was machine-made. The
mark is a sign, not a word: wagtail-localize shows `tool_name` as it is
("Přeloženo: ✓ Fiktivní překladač"), to readers of any admin language.
"""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from wagtail_localize.models import StringSegment, StringTranslation

from translation.permissions import can_translate

CONFIRMED_MARK = "✓"


def confirmed_tool_name(tool_name):
    """The `tool_name` a machine string keeps once a person confirmed it unchanged."""
    return f"{CONFIRMED_MARK} {tool_name or ''}".rstrip()[:255]


@dataclass(frozen=True)
class MachineString:
    """One machine-made string of a translation, in the order of the source's fields."""

    string_translation: StringTranslation
    source_text: str
    #: The field's name as editors know it, in the admin's language ("Shrnutí", not "summary").
    field_label: str

    @property
    def confirmed(self):
        return self.string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL

    @property
    def tool(self):
        return self.string_translation.tool_name.removeprefix(CONFIRMED_MARK).strip()


def machine_strings(translation):
    """The translation's strings made by a machine: those still to check and those a person confirmed."""
    segments = (
        StringSegment.objects.filter(source=translation.source).select_related("string", "context").order_by("order")
    )
    found = StringTranslation.objects.filter(
        Q(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE) | Q(tool_name__startswith=CONFIRMED_MARK),
        locale=translation.target_locale,
        context__in=segments.values("context_id"),
        translation_of__in=segments.values("string_id"),
    ).select_related("last_translated_by")
    by_key = {(row.translation_of_id, row.context_id): row for row in found}
    model = translation.source.specific_content_type.model_class()
    return [
        MachineString(by_key[key], segment.string.data, field_label(model, segment.context.path))
        for segment in segments
        if (key := (segment.string_id, segment.context_id)) in by_key
    ]


def field_label(model, path):
    """The verbose name of the field a segment's path starts with (a StreamField's blocks share their field's)."""
    name = path.split(".", 1)[0]
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except (FieldDoesNotExist, AttributeError):
        return name


def confirm_strings(translation, user, ids):
    """Confirm the machine strings `ids` of this translation (others are ignored); returns how many."""
    if not can_translate(user, translation):
        raise PermissionDenied
    waiting = {item.string_translation.pk: item for item in machine_strings(translation) if not item.confirmed}
    chosen = [waiting[pk] for pk in ids if pk in waiting]
    for item in chosen:
        row = item.string_translation
        row.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        row.tool_name = confirmed_tool_name(row.tool_name)
        row.last_translated_by = user
        row.updated_at = timezone.now()
    StringTranslation.objects.bulk_update(
        [item.string_translation for item in chosen],
        ["translation_type", "tool_name", "last_translated_by", "updated_at"],
    )
    return len(chosen)
