"""RSS 2.0 and Atom feeds of new practices and of events, one per locale, built on Django's syndication framework."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.api.cached_views import kept_per_content_version
from core.api.params import BadParameters, UnknownLocale, check_language
from events.formatting import event_when
from feeds import selection


def updated(page):
    """When the page last changed in public; Atom needs a date even for a page never published through the admin."""
    return page.last_published_at or page.first_published_at or page.latest_revision_created_at or timezone.now()


def tag_uri(kind, page):
    """An entry id that survives edits, renames and moves: RFC 4151 tag URI of the page id."""
    return f"tag:{urlsplit(settings.FRONTEND_BASE_URL).hostname},2018:{kind}:{page.pk}"


class LocalizedFeed(Feed):
    """A feed in the language of its URL, filtered by its query string; 404/400 in plain text on bad input."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, locale):
        try:
            check_language(locale)
            with translation.override(locale):
                response = super().__call__(request, locale=locale)
        except UnknownLocale as error:
            return HttpResponse(str(error), status=404, content_type="text/plain; charset=utf-8")
        except BadParameters as error:
            return HttpResponse("\n".join(error.lines()), status=400, content_type="text/plain; charset=utf-8")
        response["Content-Language"] = locale
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response

    def get_object(self, request, locale):
        scope = selection.FeedScope(locale)
        scope.items = self.select(scope, request.GET)
        for page in scope.items:
            # One feed instance serves every request: per-request data travels on the items.
            page.frontend_url = scope.frontend_url(page)
        scope.feed_url = request.build_absolute_uri()
        return scope

    def items(self, scope):
        return scope.items

    def link(self, scope):
        return scope.home_url

    def feed_url(self, scope):
        return scope.feed_url

    def feed_guid(self, scope):
        """The feed's own URL: the practice and event feeds of a locale share a `link` but are distinct feeds."""
        return scope.feed_url

    def item_link(self, page):
        return page.frontend_url

    def item_guid_is_permalink(self, page):
        return False


class PracticesFeed(LocalizedFeed):
    def select(self, scope, params):
        return selection.practices(scope, params)

    def title(self, scope):
        return f"{_('Good practices')} · {settings.WAGTAIL_SITE_NAME}"

    def description(self, scope):
        return _("New good practices in developing agglomerations and cross-border cooperation.")

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_guid(self, page):
        return tag_uri("practice", page)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return updated(page)

    def item_categories(self, page):
        return [link.topic.name for link in page.topic_links.all()]


class PracticesAtomFeed(PracticesFeed):
    feed_type = Atom1Feed
    subtitle = PracticesFeed.description


class EventsFeed(LocalizedFeed):
    def select(self, scope, params):
        events = selection.events(scope, params)
        names = scope.organisers(events)
        for event in events:
            event.organiser_name = names.get(event.organiser.translation_key) if event.organiser_id else None
        return events

    def title(self, scope):
        return f"{_('Events')} · {settings.WAGTAIL_SITE_NAME}"

    def description(self, scope):
        return _("Study visits, staff exchanges and network meetings of the project.")

    def item_title(self, page):
        if page.status == "scheduled":
            return page.title
        return f"{page.title} ({page.get_status_display()})"

    def item_description(self, page):
        organiser = page.organiser_name
        lines = [event_when(page.start, page.end, page.is_all_day), f"{page.city} ({page.get_country_display()})"]
        if organiser:
            lines.append(f"{_('Organiser')}: {organiser}")
        if page.summary:
            lines.append(page.summary)
        return "\n".join(lines)

    def item_guid(self, page):
        return tag_uri("event", page)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return updated(page)

    def item_categories(self, page):
        return [page.get_event_type_display()]


class EventsAtomFeed(EventsFeed):
    feed_type = Atom1Feed
    subtitle = EventsFeed.description


practices_rss = require_safe(kept_per_content_version(PracticesFeed()))
practices_atom = require_safe(kept_per_content_version(PracticesAtomFeed()))
events_rss = require_safe(kept_per_content_version(EventsFeed()))
events_atom = require_safe(kept_per_content_version(EventsAtomFeed()))
