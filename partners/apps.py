from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Profiles of the institutions behind the project and its practices."""

    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from core.content_types import PageType, register
        from partners.models import PartnerPage
        from partners.views import PartnerViewSet

        register(
            PageType(
                PartnerPage,
                "partner",
                order=30,
                viewset=PartnerViewSet,
                previewable=True,
                embed_size=(600, 360),
                searchable=True,
            )
        )
