from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import to_locale

from translation import admin_catalogs


class Command(BaseCommand):
    help = (
        "List the admin strings of the pinned Wagtail and wagtail-localize that Polish or Czech lacks or "
        "translates with other placeholders. With --add, append them, untranslated, to our catalogs in "
        "translation/admin_locale/ for a translator; then compile with msgfmt and commit. Run after an upgrade."
    )

    def add_arguments(self, parser):
        parser.add_argument("--add", action="store_true", help="Append the entries to translate to our catalogs.")

    def handle(self, *args, add=False, **options):
        for language in admin_catalogs.admin_languages():
            for domain in admin_catalogs.DOMAINS:
                catalog = admin_catalogs.to_translate(language, domain)
                self.stdout.write(f"{language} {domain}: {len(catalog)} strings to translate")
                for entry in catalog:
                    self.stdout.write(f"  {entry.comment}: {entry.msgid!r}")
                if add and len(catalog):
                    self.stdout.write(f"  added to {self.append(language, domain, catalog)}")

    def append(self, language, domain, catalog):
        path = Path(settings.ADMIN_LOCALE_DIR) / to_locale(language) / "LC_MESSAGES" / f"{domain}.po"
        ours = polib.pofile(str(path), wrapwidth=0) if path.exists() else catalog.__class__(wrapwidth=0)
        if not path.exists():
            ours.metadata = catalog.metadata
            path.parent.mkdir(parents=True, exist_ok=True)
        for entry in catalog:
            present = ours.find(entry.msgid, msgctxt=entry.msgctxt)
            if present is not None:
                ours.remove(present)
            ours.append(entry)
        ours.save(str(path))
        return path
