"""Named queries about good practices, shared by the API and whatever else needs them."""

from django.db.models import F

from core.api.serializers import Row
from core.api.sql import LINK_FIELDS
from core.api.tree import public_pages
from partners.models import PartnerPage
from practices.models import PracticePage, PracticeTopic, Topic

#: Newest first: the order of the practice list, the feeds and the widgets.
NEWEST_FIRST = (F("first_published_at").desc(nulls_last=True), "-id")


def newest_first(practices):
    return practices.order_by(*NEWEST_FIRST)


def published_topic_links():
    """Links from practices to their published topics, in the order the editors gave them."""
    return PracticeTopic.objects.filter(topic__live=True).order_by("sort_order", "pk")


def practices_of(partner, tree, locale_id):
    """The public practices in `locale_id` that this partner (any of its translations) implements, by title.

    Links to partners are synchronised from the source, so they point at the source-language page.
    """
    same_partner = PartnerPage.objects.filter(translation_key=partner.translation_key).values("pk")
    practices = public_pages(PracticePage, tree).filter(
        locale_id=locale_id,
        pk__in=PracticePage.objects.filter(institutions__partner__in=same_partner).values("pk"),
    )
    return [Row(**row) for row in practices.order_by("title").values(*LINK_FIELDS)]


def public_practices(tree, locale_id):
    """Every public practice in `locale_id`, newest first: the open-data downloads."""
    return newest_first(public_pages(PracticePage, tree).filter(locale_id=locale_id))


def live_topics(locale_id):
    """The published topics of one locale, by name: the topic list and its download."""
    return Topic.objects.filter(locale_id=locale_id, live=True).order_by("name", "pk")
