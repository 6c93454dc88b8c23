from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Study visits, staff exchanges, network meetings and other project events."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core.api.relations import provide
        from core.content_types import PageType, register
        from events.models import EventPage
        from events.selectors import events_organised_by, events_presenting
        from events.views import EventViewSet
        from partners.models import PartnerPage
        from practices.models import PracticePage

        register(
            PageType(
                EventPage,
                "event",
                order=20,
                viewset=EventViewSet,
                previewable=True,
                embed_size=(600, 380),
                searchable=True,
            )
        )
        provide(PracticePage, "events", events_presenting)
        provide(PartnerPage, "events", events_organised_by)
