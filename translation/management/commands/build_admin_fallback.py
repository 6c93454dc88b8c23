from django.core.management.base import BaseCommand

from translation.admin_fallback import write_catalogs


class Command(BaseCommand):
    help = (
        "Write the catalogs that give admin strings missing from an admin language (Czech) their English "
        "original instead of the default language's translation. Run after upgrading Wagtail, "
        "wagtail-localize or Django, and commit the result."
    )

    def add_arguments(self, parser):
        parser.add_argument("--root", help="Write under this directory instead of ADMIN_FALLBACK_LOCALE_DIR.")

    def handle(self, *args, root=None, **options):
        for path, count in write_catalogs(root).items():
            self.stdout.write(f"{path}: {count} strings")
