from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Publish webhooks: tells registered receivers (e.g. the frontend's build hook) what editors changed."""

    name = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from webhooks import checks, signals  # noqa: F401 (checks registers itself)

        signals.connect()
