from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    """Registration for events on the portal: places, waiting list, cancellation, the organisers' list."""

    name = "registrations"
    verbose_name = _("Registrations for events")
    default_auto_field = "django.db.models.BigAutoField"
