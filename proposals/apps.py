from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    """Practices proposed by anyone through the portal's public form: proposals for the editors, never content."""

    name = "proposals"
    verbose_name = _("Practice proposals")
    default_auto_field = "django.db.models.BigAutoField"
