from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Roles, review workflow, offline PO round trip and status report around wagtail-localize."""

    name = "translation"
    verbose_name = _("Translation workflow")

    def ready(self):
        from translation import admin_language, signals

        signals.connect()
        admin_language.install()
