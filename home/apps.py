from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The landing page with the project's facts, and generic standard pages."""

    name = "home"
    verbose_name = _("Home")
