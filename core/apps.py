from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Building blocks shared by the content apps: choices, validators, blocks, locales."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import publishing, signals, slugs

        publishing.connect()
        signals.connect()
        slugs.connect()
