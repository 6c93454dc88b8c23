from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedsConfig(AppConfig):
    """RSS, Atom and iCalendar feeds of practices and events, per locale."""

    name = "feeds"
    verbose_name = _("Feeds")
