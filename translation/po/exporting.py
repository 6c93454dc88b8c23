"""A locale's open strings as one PO file, each entry naming its object and field."""

import polib
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from translation.po.common import PREVIOUS, object_label, text_hash
from translation.status import translations_into


def sync_changed_sources(rows):
    """Bring the strings of sources published since their last sync up to date; returns their names.

    After an editor republishes a source its translation is out of date, but
    its new texts reach translators only once the source is synced. This is
    the extraction half of wagtail-localize's "Sync translated pages": it
    writes no page and publishes nothing.
    """
    synced = []
    for translation, progress in rows:
        if progress.source_changed:
            try:
                translation.source.update_from_db()
            except ObjectDoesNotExist:  # the source object is gone; the export skips it
                continue
            synced.append(translation.source.object_repr)
    return synced


def export_po(locale, *, only_outdated=False):
    """Every untranslated or machine-translated string of the translations into `locale`, as one POFile.

    `only_outdated` keeps the translations that are not up to date (source
    changed, strings missing, or not yet published since the last sync).
    Sources changed since their last sync are synced first (`po.synced` names them).
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
    rows = translations_into(locale, only_outdated=only_outdated)
    po.synced = sync_changed_sources(rows)
    if po.synced:
        po.header = "Sources synced before this export (their new texts are included): " + "; ".join(po.synced)
    for translation, _progress in rows:
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
                msgctxt=f"{object_label(model, instance.pk)} {segment.context.path}",
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
