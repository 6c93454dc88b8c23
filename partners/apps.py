from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Profiles of the institutions behind the project and its practices."""

    name = "partners"
    verbose_name = _("Partners")
