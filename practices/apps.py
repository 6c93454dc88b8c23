from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    """Good practices in agglomeration development and cross-border cooperation."""

    name = "practices"
    verbose_name = _("Good practices")

    def ready(self):
        from core.api.relations import provide
        from core.content_types import PageType, register
        from partners.models import PartnerPage
        from practices.models import PracticePage
        from practices.selectors import practices_of
        from practices.views import PracticeViewSet

        register(
            PageType(
                PracticePage,
                "practice",
                order=10,
                viewset=PracticeViewSet,
                previewable=True,
                embed_size=(600, 520),
                searchable=True,
            )
        )
        provide(PartnerPage, "practices", practices_of)
