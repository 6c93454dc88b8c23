"""Machine strings confirmed before the mark was a sign kept "confirmed: " in their tool name; wagtail-localize
shows the tool name as it is, so Czech and Polish translators read an English word. Same meaning, new mark."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

OLD_PREFIX, MARK = "confirmed: ", "✓ "


def to_mark(apps, schema_editor):
    strings = apps.get_model("wagtail_localize", "StringTranslation").objects
    strings.filter(tool_name__startswith=OLD_PREFIX).update(
        tool_name=Concat(Value(MARK), Substr("tool_name", len(OLD_PREFIX) + 1))
    )


def to_prefix(apps, schema_editor):
    strings = apps.get_model("wagtail_localize", "StringTranslation").objects
    strings.filter(tool_name__startswith=MARK).update(
        tool_name=Concat(Value(OLD_PREFIX), Substr("tool_name", len(MARK) + 1))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("translation", "0001_review_task"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(to_mark, to_prefix)]
