from django.core.management.base import BaseCommand, CommandError

from demo.loader import CONTENT_DIR, DemoContentError, DemoLoader


class Command(BaseCommand):
    help = "Build the bilingual (pl/cs) demo site from demo/content/*.yaml. Safe to run again: it changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", default=str(CONTENT_DIR), help="Folder with the demo YAML files.")

    def handle(self, *args, content_dir, verbosity, **options):
        log = self.stdout.write if verbosity > 1 else None
        try:
            created = DemoLoader(content_dir, log=log).load()
        except (DemoContentError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        if created:
            summary = ", ".join(f"{count} {label}" for label, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))
        else:
            self.stdout.write("Demo content already loaded; nothing changed.")
