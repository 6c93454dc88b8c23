from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    """The programme's results, counted: the public statistics endpoint and the editors' downloads of it."""

    name = "stats"
    verbose_name = _("Results")

    def ready(self):
        from stats import figures  # noqa: F401 (registers the built-in sections)
