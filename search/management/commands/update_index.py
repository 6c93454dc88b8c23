"""`manage.py update_index`: Wagtail's own index rebuild, then the language-aware search index.

This app comes before `wagtail.search` in INSTALLED_APPS, so this command
takes the name; Wagtail's rebuild still runs first, with its options.
"""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailUpdateIndex

from search import engines


class Command(WagtailUpdateIndex):
    help = "Rebuild Wagtail's search backends and the language-aware search index (of the configured engine)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--search-only",
            action="store_true",
            help="Rebuild only the language-aware search index, not Wagtail's backends.",
        )

    def handle(self, **options):
        if not options["search_only"]:
            super().handle(**options)
        self.verbosity = options["verbosity"]
        count = engines.current().rebuild(log=self.write)
        self.write(f"Language-aware search: indexed {count} pages")
