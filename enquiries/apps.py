from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    """ "Ask the owner": visitors' questions about a practice, passed on by e-mail without revealing its contact."""

    name = "enquiries"
    verbose_name = _("Questions about practices")
    default_auto_field = "django.db.models.BigAutoField"
