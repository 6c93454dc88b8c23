"""Migration 0003 gives topics drafts: existing topics stay as readers saw them.

Migrating back and forth needs a transactional test; the module puts back
what the migrations made afterwards (see `migrated_data_back`).
"""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from practices.models import Topic

pytestmark = pytest.mark.usefixtures("migrated_data_back")

BEFORE_DRAFTS = [("practices", "0002_summary_length")]


def latest():
    """Every app's newest migration: migrating back to 0002 also unapplied what later migrations of
    any app built on it, and the tests after this module expect today's schema."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def submitted(topic_type, row, translated_strings, target_locale):
    """The topic `row` (written before drafts) as wagtail-localize leaves it once submitted for translation
    into `target_locale` and partly translated: its source, strings and translations."""
    now = timezone.now()
    translatable = TranslatableObject.objects.create(translation_key=row.translation_key, content_type=topic_type)
    source = TranslationSource.objects.create(
        object=translatable,
        specific_content_type=topic_type,
        locale_id=row.locale_id,
        object_repr=row.name,
        content_json="{}",
        last_updated_at=now,
    )
    Translation.objects.create(source=source, target_locale=target_locale)
    for order, (path, text) in enumerate([("name", row.name)]):
        string = String.from_value(source.locale, StringValue.from_plaintext(text))
        context = TranslationContext.objects.create(object=translatable, path=path, field_path=path)
        StringSegment.objects.create(source=source, context=context, order=order, string=string)
        if text in translated_strings:
            StringTranslation.objects.create(
                translation_of=string, context=context, locale=target_locale, data=translated_strings[text]
            )


def test_topics_stay_live_and_unfinished_translations_become_drafts(transactional_db):
    pl, cs = (Locale.objects.get(language_code=code) for code in ("pl", "cs"))
    old_apps = migrate(BEFORE_DRAFTS)
    OldTopic = old_apps.get_model("practices", "Topic")
    rows = {}
    for name, slug, locale, key in [
        ("Mobilność", "mobility", pl, "done"),
        ("Mobilita", "mobility", cs, "done"),
        ("Woda", "woda", pl, "unfinished"),
        ("Woda", "woda", cs, "unfinished"),
    ]:
        translation_key = uuid.uuid5(uuid.NAMESPACE_URL, key)
        rows[(key, locale.language_code)] = OldTopic.objects.create(
            name=name, slug=slug, description="", locale_id=locale.pk, translation_key=translation_key
        ).pk
    topic_type = ContentType.objects.get_for_model(Topic)
    for key, strings in (("done", {"Mobilność": "Mobilita"}), ("unfinished", {})):
        submitted(topic_type, OldTopic.objects.get(pk=rows[(key, "pl")]), strings, cs)

    migrate(latest())

    topics = {key: Topic.objects.get(pk=pk) for key, pk in rows.items()}
    for key in [("done", "pl"), ("done", "cs"), ("unfinished", "pl")]:
        topic = topics[key]
        assert (topic.live, topic.has_unpublished_changes) == (True, False), key
        assert topic.live_revision == topic.latest_revision
        assert topic.live_revision.as_object().name == topic.name
        assert topic.first_published_at is not None
    draft = topics[("unfinished", "cs")]
    assert (draft.live, draft.has_unpublished_changes, draft.live_revision) == (False, True, None)
    assert draft.latest_revision.as_object().name == "Woda"
