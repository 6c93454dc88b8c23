"""What each widget shows: the public pages it needs, loaded in a fixed number of queries.

Widgets read the same public tree, FilterSets and localisation helpers as the
API, so a draft, a private page or a page under an unpublished ancestor is
never shown, and a filter means what it means in the API.
"""

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from core.api.params import Integer, Parameters
from core.api.rendering import RenderContext
from core.api.serializers import Row
from core.api.sql import localized_rows
from core.api.tree import public_pages
from core.api.views import MAX_PAGE_ID
from events.filters import EventFilterSet
from events.formatting import event_when
from events.models import EventPage
from partners.models import PartnerPage
from practices.filters import PracticeFilterSet
from practices.models import PracticePage
from practices.selectors import newest_first, published_topic_links

LIMIT = Integer("limit", default=5, minimum=1, maximum=20)
#: What the list widgets take: a few of their API list's filters, and `limit`.
UPCOMING_EVENTS = Parameters(LIMIT, filterset=EventFilterSet, filters=("type", "organiser", "country"))
LATEST_PRACTICES = Parameters(LIMIT, filterset=PracticeFilterSet, filters=("topic", "agglomeration", "country"))


class WidgetData:
    """The request's public tree, locale and rendering context, shared by the builders below."""

    def __init__(self, request, tree, locale_id, version):
        self.request = request
        self.tree = tree
        self.locale_id = locale_id
        self.render = RenderContext(request=request, tree=tree, locale_id=locale_id, version=version)

    def frontend_url(self, page):
        return f"{settings.FRONTEND_BASE_URL}{self.tree.path_for(page.locale_id, page.url_path)}"

    def item(self, model, pk):
        """The public `model` page `pk` of this locale, or 404: another locale's id is not found here."""
        page = None
        if pk <= MAX_PAGE_ID:
            page = public_pages(model, self.tree).filter(locale_id=self.locale_id, pk=pk).first()
        if page is None:
            kind = model.__name__.removesuffix("Page").lower()
            raise Http404(f"No public {kind} with id {pk} in this language.")
        return page

    def image(self, image_id, rendition="thumbnail", alt=None):
        """src, width, height and alt of a rendition (the API's names), or None when there is no readable image.

        `alt` is the page's own text for the image, in its language; the image's description stands in for it.
        """
        if not image_id:
            return None
        self.render.image_ids.add(image_id)
        self.render.resolve()
        image = self.render.image(image_id, alt=alt)
        if image is None:
            return None
        return {**image["renditions"][rendition], "alt": image["alt"]}

    def partners(self, keys):
        return localized_rows(PartnerPage, keys, self.locale_id, self.tree, ("short_name",))


def practice_card(data, pk):
    page = data.item(PracticePage, pk)
    topics = published_topic_links().filter(page=page).values_list("topic__name", flat=True)
    keys = list(page.institutions.order_by("sort_order", "pk").values_list("partner__translation_key", flat=True))
    partners = data.partners(keys)
    return {
        "page": page,
        "url": data.frontend_url(page),
        "image": data.image(page.main_image_id, alt=page.main_image_alt),
        "topics": list(topics),
        "institutions": [partners[key].title for key in keys if key in partners],
        "agglomeration": page.get_agglomeration_display(),
    }


def event_card(data, pk):
    page = data.item(EventPage, pk)
    organiser = None
    if page.organiser_id:
        key = PartnerPage.objects.filter(pk=page.organiser_id).values_list("translation_key", flat=True).first()
        organiser = data.partners([key]).get(key)
    return {
        "page": page,
        "url": data.frontend_url(page),
        "when": event_when(page.start, page.end, page.is_all_day),
        "organiser": organiser.title if organiser else "",
        "is_upcoming": page.end >= timezone.now(),
    }


def partner_card(data, pk):
    """A logo is scaled, never cropped (the thumbnail rendition crops to 400x300)."""
    page = data.item(PartnerPage, pk)
    return {"page": page, "url": data.frontend_url(page), "logo": data.image(page.logo_id, "medium", alt=page.title)}


def upcoming_events(data, params):
    """Events not yet ended, soonest first, narrowed by type, organiser and country."""
    UPCOMING_EVENTS.check_shape(params)
    limit = UPCOMING_EVENTS.read(params, "limit")
    events = UPCOMING_EVENTS.filtered_pages(EventPage, params, tree=data.tree, locale_id=data.locale_id)
    rows = list(
        events.filter(end__gte=timezone.now())
        .order_by("start", "id")
        .values("id", "title", "locale_id", "url_path", "start", "end", "is_all_day", "city", "event_type", "status")[
            :limit
        ]
    )
    types = dict(EventPage._meta.get_field("event_type").flatchoices)
    statuses = dict(EventPage._meta.get_field("status").flatchoices)
    return [
        {
            **row,
            "url": data.frontend_url(Row(**row)),
            "when": event_when(row["start"], row["end"], row["is_all_day"]),
            "type_label": types[row["event_type"]],
            "status_label": statuses[row["status"]],
        }
        for row in rows
    ]


def latest_practices(data, params):
    """The most recently published practices, narrowed by topic, agglomeration and country."""
    LATEST_PRACTICES.check_shape(params)
    limit = LATEST_PRACTICES.read(params, "limit")
    practices = LATEST_PRACTICES.filtered_pages(PracticePage, params, tree=data.tree, locale_id=data.locale_id)
    rows = list(
        newest_first(practices).values(
            "id", "title", "locale_id", "url_path", "summary", "municipality", "agglomeration"
        )[:limit]
    )
    topics = {}
    links = published_topic_links().filter(page_id__in=[row["id"] for row in rows])
    for page_id, name in links.values_list("page_id", "topic__name"):
        topics.setdefault(page_id, []).append(name)
    agglomerations = dict(PracticePage._meta.get_field("agglomeration").flatchoices)
    return [
        {
            **row,
            "url": data.frontend_url(Row(**row)),
            "topics": topics.get(row["id"], []),
            "agglomeration_label": agglomerations[row["agglomeration"]],
        }
        for row in rows
    ]
