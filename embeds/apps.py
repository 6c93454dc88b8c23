from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbedsConfig(AppConfig):
    """Widgets other sites frame, their JS loader, the oEmbed provider and the admin's Share / embed view."""

    name = "embeds"
    verbose_name = _("Embedding")
