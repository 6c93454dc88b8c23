"""Carrying a demo object to the other language through wagtail-localize, string by string, as a translator would."""

from collections import Counter, defaultdict

from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from demo.loader.values import DemoContentError


def paired_strings(source_segments, target_segments):
    """Map (context path, source string) to the target string, pairing segments by path and order."""
    targets = defaultdict(list)
    for segment in target_segments:
        if isinstance(segment, StringSegmentValue):
            targets[segment.path].append(segment.string.data)
    pairs, seen = {}, Counter()
    for segment in source_segments:
        if not isinstance(segment, StringSegmentValue):
            continue
        index = seen[segment.path]
        seen[segment.path] += 1
        try:
            pairs[(segment.path, segment.string.data)] = targets[segment.path][index]
        except IndexError:
            raise DemoContentError(f"No translation for {segment.path!r}: {segment.string.data[:60]!r}") from None
    for path, count in seen.items():
        if len(targets[path]) != count:
            raise DemoContentError(f"{path!r}: {count} source strings but {len(targets[path])} translated ones")
    return pairs


def translate(source_object, locale, translated_instance):
    """Create and publish `source_object`'s translation in `locale`, its strings from `translated_instance`."""
    source, _created = TranslationSource.update_or_create_from_instance(source_object)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    strings = paired_strings(extract_segments(source_object), extract_segments(translated_instance))
    po = translation.export_po()
    for entry in po:
        try:
            entry.msgstr = strings[(entry.msgctxt, entry.msgid)]
        except KeyError:
            raise DemoContentError(f"{source_object}: no {locale.language_code} text for {entry.msgctxt!r}") from None
    warnings = translation.import_po(po, tool_name="load_demo")
    if warnings:
        raise DemoContentError(f"{source_object}: {warnings}")
    source.create_or_update_translation(locale, publish=False, fallback=False)
    source_object.get_translation(locale).get_latest_revision().publish()


def follow_source(source_object, locale):
    """Bring the translation in `locale` up to date with the source's synchronised fields, and publish it."""
    source, _created = TranslationSource.update_or_create_from_instance(source_object)
    source.create_or_update_translation(locale, publish=False, fallback=False)
    source_object.get_translation(locale).get_latest_revision().publish()
