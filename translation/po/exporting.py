"""A locale's open strings as one PO file, each entry naming its object and field."""

import polib
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from translation.po.common import PREVIOUS, object_label, text_hash
from translation.status import translations_into


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
