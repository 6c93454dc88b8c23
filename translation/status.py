"""How far each translation has got: counted in the database, so a report or an API list costs one query.

Definitions used everywhere (report, PO export, public API):

- *complete*: every string of the source, as last synced, has a translation without errors;
- *source changed*: the source page was published after its strings were last synced
  (wagtail-localize's "Sync translated pages" brings the new strings to translators);
- *up to date*: complete, the source unchanged since the sync, and the translated
  page published after that sync, so what readers see matches the source.

Topics have drafts and publication dates like pages and are judged the same
way, so a complete topic translation that was never approved is not up to date.
"""

import functools
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import DraftStateMixin, Page, get_translatable_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation


def _segment_count(**translation_filters):
    """Subquery: the translation's source segments, optionally only those with a matching StringTranslation."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    if translation_filters:
        segments = segments.annotate(_locale_id=OuterRef("target_locale_id")).filter(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=OuterRef("_locale_id"),
                    **translation_filters,
                )
            )
        )
    counted = segments.order_by().values("source_id").annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _page_field(field, locale_field):
    return _object_field(Page, field, locale_field)


def _object_field(model, field, locale_field):
    found = model.objects.filter(translation_key=OuterRef("source__object_id"), locale_id=OuterRef(locale_field))
    return Subquery(found.values(field)[:1])


@functools.cache
def _published_models():
    """Pages and the translatable snippets with drafts (topics): what readers see only once published."""
    snippets = [
        model
        for model in get_translatable_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
    return (Page, *snippets)


def _published_field(field, locale_field):
    """`field` of the translated object in that locale, be it a page or a snippet with drafts (a topic).

    Their publication dates decide whether a translation is current.
    """
    found = [_object_field(model, field, locale_field) for model in _published_models()]
    return Coalesce(*found, output_field=found[0].output_field) if len(found) > 1 else found[0]


def with_progress(translations):
    """`translations` annotated with string counts and the publication dates that decide freshness."""
    return translations.annotate(
        total_strings=_segment_count(),
        translated_strings=_segment_count(has_error=False),
        machine_strings=_segment_count(has_error=False, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE),
        source_published_at=_published_field("last_published_at", "source__locale_id"),
        target_published_at=_published_field("last_published_at", "target_locale_id"),
        target_live=_page_field("live", "target_locale_id"),
        target_page_id=_page_field("id", "target_locale_id"),
        target_publishable_id=_published_field("id", "target_locale_id"),
    )


@dataclass(frozen=True)
class Progress:
    total: int
    translated: int
    machine: int
    synced_at: object
    source_published_at: object
    target_published_at: object
    #: The target is a page or topic, published by review: its date must follow the sync.
    publishable: bool

    @property
    def missing(self):
        return self.total - self.translated

    @property
    def complete(self):
        return self.translated >= self.total

    @property
    def source_changed(self):
        return bool(self.source_published_at and self.synced_at and self.source_published_at > self.synced_at)

    @property
    def up_to_date(self):
        if not self.complete or self.source_changed:
            return False
        if not self.publishable:
            return True
        return bool(self.target_published_at and self.synced_at and self.target_published_at >= self.synced_at)

    @classmethod
    def of(cls, row, synced_at):
        """From an object or `.values()` dict annotated by `with_progress`."""
        get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
        return cls(
            total=get("total_strings"),
            translated=get("translated_strings"),
            machine=get("machine_strings"),
            synced_at=synced_at,
            source_published_at=get("source_published_at"),
            target_published_at=get("target_published_at"),
            publishable=get("target_publishable_id") is not None,
        )


def translations_targeting(instance):
    """The enabled Translations whose target is `instance` (a page or snippet): one, or none for a source."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
    )


def translation_into_locale_of(instance):
    """The enabled Translation whose target is `instance` (a page or snippet), or None for a source."""
    return translations_targeting(instance).select_related("target_locale", "source").first()


def lacks_strings(instance):
    """Whether `instance` is a translation with strings still untranslated (in the source as last synced)."""
    translation = translation_into_locale_of(instance)
    return translation is not None and not progress_of(translation).complete


def progress_of(translation):
    """The Progress of one Translation (one query)."""
    annotated = with_progress(Translation.objects.filter(pk=translation.pk).select_related("source")).get()
    return Progress.of(annotated, annotated.source.last_updated_at)


def translations_into(locale, *, only_outdated=False):
    """Enabled translations into `locale` with their Progress, oldest first; `only_outdated` keeps stale ones."""
    rows = with_progress(
        Translation.objects.filter(enabled=True, target_locale=locale).select_related(
            "source", "source__locale", "source__specific_content_type", "target_locale"
        )
    ).order_by("source__created_at", "pk")
    found = [(translation, Progress.of(translation, translation.source.last_updated_at)) for translation in rows]
    if only_outdated:
        found = [(translation, progress) for translation, progress in found if not progress.up_to_date]
    return found


def status_by_key(translation_keys):
    """{(translation_key, locale_id): status dict} for the API, in one query.

    Every object that is a translation source has an entry `is_source`; every
    target has the Progress of its translation.
    """
    if not translation_keys:
        return {}
    rows = with_progress(Translation.objects.filter(enabled=True, source__object_id__in=set(translation_keys))).values(
        "source__object_id",
        "source__locale_id",
        "source__last_updated_at",
        "target_locale_id",
        "total_strings",
        "translated_strings",
        "machine_strings",
        "source_published_at",
        "target_published_at",
        "target_publishable_id",
    )
    found = {}
    for row in rows:
        key = row["source__object_id"]
        found[(key, row["target_locale_id"])] = (
            row["source__locale_id"],
            Progress.of(row, row["source__last_updated_at"]),
        )
        found.setdefault((key, row["source__locale_id"]), (row["source__locale_id"], None))
    return found
