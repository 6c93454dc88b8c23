from django.db import migrations

from core.locales import sync_content_locales


def create_locales(apps, schema_editor):
    sync_content_locales(apps.get_model("wagtailcore", "Locale"))


class Migration(migrations.Migration):
    """Creates the content locales (pl, cs by default) so the site is bilingual from the first migrate."""

    dependencies = [("wagtailcore", "0054_initial_locale")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
