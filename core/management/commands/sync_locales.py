from django.core.management.base import BaseCommand
from wagtail.models import Locale

from core.locales import sync_content_locales


class Command(BaseCommand):
    help = "Create a Locale for every language in CONTENT_LANGUAGES (run after adding one)."

    def handle(self, *args, **options):
        created = sync_content_locales(Locale)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created locales: {', '.join(created)}"))
        else:
            self.stdout.write("All content languages already have a locale.")
