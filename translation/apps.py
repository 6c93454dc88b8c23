from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Roles, review workflow, offline PO round trip and status report around wagtail-localize."""

    name = "translation"
    verbose_name = _("Translation workflow")

    def ready(self):
        from core.api.translation_status import provide_statuses
        from translation import admin_language, signals
        from translation.status import status_by_key

        signals.connect()
        admin_language.install()
        provide_statuses(status_by_key)
