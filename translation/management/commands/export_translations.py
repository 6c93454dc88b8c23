from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from translation.po import export_po


class Command(BaseCommand):
    help = (
        "Write one PO file with every untranslated or machine-translated string for a locale, "
        "each entry's context naming its page or topic and field."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help="Target language code, e.g. cs.")
        parser.add_argument(
            "--only-outdated", action="store_true", help="Only translations that are not up to date with their source."
        )
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, *args, locale, only_outdated, output, **options):
        target = Locale.objects.filter(language_code=locale).first()
        if target is None:
            codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
            raise CommandError(f"Unknown locale {locale!r}; use one of {codes}.")
        po = export_po(target, only_outdated=only_outdated)
        if po.synced:
            self.stderr.write(f"Synced {len(po.synced)} changed sources first: {'; '.join(po.synced)}.")
        if output:
            po.save(output)
            self.stderr.write(f"{len(po)} strings written to {output}.")
        else:
            self.stdout.write(str(po), ending="")
