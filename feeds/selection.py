"""Which pages a feed carries: public, in the feed's locale, filtered by the query string like the API."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from core.api.cache import content_version
from core.api.params import Parameters, locale_id_for
from core.api.serializers import Row
from core.api.sql import localized_rows
from core.api.tree import public_tree
from events.filters import EventFilterSet
from events.models import EventPage
from partners.models import PartnerPage
from practices.filters import PracticeFilterSet
from practices.models import PracticePage
from practices.selectors import newest_first, published_topic_links

#: Parameters that choose a time window; without one, event feeds carry events not yet ended.
EVENT_TIME_FILTERS = {"upcoming", "past", "starts_after", "starts_before", "ends_after"}
MAX_PRACTICES = 50
MAX_EVENTS = 500


class FeedScope:
    """One feed request: its locale and public tree, and the frontend URLs of its pages."""

    def __init__(self, locale):
        self.tree = public_tree(content_version()[0])
        self.locale = locale
        self.locale_id = locale_id_for(self.tree, locale)

    def frontend_url(self, page):
        return f"{settings.FRONTEND_BASE_URL}{self.tree.path_for(page.locale_id, page.url_path)}"

    @property
    def home_url(self):
        return self.frontend_url(Row(locale_id=self.locale_id, url_path=self.tree.home_paths[self.locale_id]))

    def organisers(self, events):
        """translation_key -> the organiser's title in this locale (event links point at the source page)."""
        keys = [event.organiser.translation_key for event in events if event.organiser_id]
        return {key: row.title for key, row in localized_rows(PartnerPage, keys, self.locale_id, self.tree).items()}


def feed_parameters(filterset_class):
    """A feed takes its API list's filters; the language is in its path and the order is its own."""
    filters = [name for name in filterset_class.base_filters if name not in ("locale", "ordering")]
    return Parameters(filterset=filterset_class, filters=filters)


PRACTICE_FEED = feed_parameters(PracticeFilterSet)
EVENT_FEED = feed_parameters(EventFilterSet)


def practices(scope, params):
    """The most recently published practices, newest first."""
    PRACTICE_FEED.check_shape(params)
    pages = PRACTICE_FEED.filtered_pages(PracticePage, params, tree=scope.tree, locale_id=scope.locale_id)
    readable_topics = published_topic_links().select_related("topic")
    return list(newest_first(pages).prefetch_related(Prefetch("topic_links", queryset=readable_topics))[:MAX_PRACTICES])


def events(scope, params):
    """Events by start time; those not yet ended unless a time filter is given."""
    EVENT_FEED.check_shape(params)
    pages = EVENT_FEED.filtered_pages(EventPage, params, tree=scope.tree, locale_id=scope.locale_id)
    if EVENT_TIME_FILTERS.isdisjoint(params):
        pages = pages.filter(end__gte=timezone.now())
    return list(pages.order_by("start", "id").select_related("organiser")[:MAX_EVENTS])
