from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from translation.po import ImportRejected, import_po


class Command(BaseCommand):
    help = (
        "Apply a translated PO file made by export_translations: the strings are stored, and each page or topic whose "
        "translation is complete is saved as a draft and enters its review workflow. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The translated PO file.")
        parser.add_argument("--no-review", action="store_true", help="Only store the strings; start no review.")

    def handle(self, *args, file, no_review, **options):
        try:
            content = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        try:
            result = import_po(content, review=not no_review)
        except ImportRejected as rejected:
            raise CommandError("Nothing was imported:\n  " + "\n  ".join(rejected.errors)) from rejected
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.imported} strings imported, {result.confirmed} machine translations confirmed, "
                f"{len(result.translations)} objects affected, {len(result.submitted)} submitted for review."
            )
        )
