from django.core.management.base import BaseCommand

from bench.build import build


class Command(BaseCommand):
    help = "Load the demo and add N practices and events in pl and cs, in bulk (once per database)."

    def add_arguments(self, parser):
        parser.add_argument("--practices", type=int, default=10_000)
        parser.add_argument("--events", type=int, default=1_000)

    def handle(self, *args, practices, events, **options):
        build(practices=practices, events=events, log=self.stdout.write)
