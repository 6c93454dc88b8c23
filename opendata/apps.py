from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """The DCAT-AP catalogue and the full downloads (CSV, JSON, GeoJSON) that data portals harvest."""

    name = "opendata"
    verbose_name = _("Open data")
