from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    """Good practices in agglomeration development and cross-border cooperation."""

    name = "practices"
    verbose_name = _("Good practices")
