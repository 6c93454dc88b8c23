from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValidationConfig(AppConfig):
    """Partner institutions' contributors propose practices; editors and experts from both countries check them."""

    name = "validation"
    verbose_name = _("Validation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.api.relations import provide
        from practices.models import PracticePage
        from translation.roles import roles_set_up
        from validation import signals
        from validation.roles import setup_validation_roles
        from validation.selectors import public_opinions

        provide(PracticePage, "opinions", public_opinions)
        roles_set_up.connect(setup_validation_roles, dispatch_uid="a4b-validation-roles")
        signals.connect()
