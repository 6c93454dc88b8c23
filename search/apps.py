from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Language-aware search over practices, events and partners."""

    name = "search"

    def ready(self):
        from search import signals

        signals.connect()
