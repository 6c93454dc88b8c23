from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Study visits, staff exchanges, network meetings and other project events."""

    name = "events"
    verbose_name = _("Events")
