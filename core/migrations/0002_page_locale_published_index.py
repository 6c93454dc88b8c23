from django.db import migrations


class Migration(migrations.Migration):
    """An index for the public API's default listing order: newest first within one locale.

    Without it, PostgreSQL walks the global first_published_at index and
    discards every page of the other locales on the way.
    """

    dependencies = [("core", "0001_content_locales"), ("wagtailcore", "0094_alter_page_locale")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS a4b_page_locale_published ON wagtailcore_page (locale_id, first_published_at)",
            "DROP INDEX IF EXISTS a4b_page_locale_published",
        )
    ]
