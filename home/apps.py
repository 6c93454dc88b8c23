from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The landing page with the project's facts, and generic standard pages."""

    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from core.content_types import PageType, register
        from home.models import HomePage, StandardPage
        from home.serializers import HomeSerializer
        from home.views import HomeView, StandardPageViewSet

        register(
            PageType(HomePage, "home", order=40, viewset=HomeView, previewable=True, preview_serializer=HomeSerializer)
        )
        register(PageType(StandardPage, "page", order=50, viewset=StandardPageViewSet))
