"""Named queries about events, shared by the API and whatever else needs them."""

from core.api.serializers import Row
from core.api.sql import LINK_FIELDS, linked_rows
from core.api.tree import public_pages
from events.models import EventPage, EventRelatedPractice
from partners.models import PartnerPage


def events_presenting(practice, tree, locale_id):
    """The public events in `locale_id` that present this practice, soonest first.

    Events keep the links; an event in either language may name any translation of the practice.
    """
    linking = linked_rows(
        EventRelatedPractice,
        "practice",
        "page",
        EventPage,
        locale_id,
        tree,
        owner_key=practice.translation_key,
        extra_fields=("start",),
    )
    events = {event.id: event for _, event in linking}
    return sorted(events.values(), key=lambda event: event.start)


def events_organised_by(partner, tree, locale_id):
    """The public events in `locale_id` organised by this partner (any of its translations), by start."""
    same_partner = PartnerPage.objects.filter(translation_key=partner.translation_key).values("pk")
    events = public_pages(EventPage, tree).filter(locale_id=locale_id, organiser__in=same_partner)
    return [Row(**row) for row in events.order_by("start").values(*LINK_FIELDS)]


def public_events(tree, locale_id):
    """Every public event in `locale_id`, past and upcoming, by start: the open-data downloads."""
    return public_pages(EventPage, tree).filter(locale_id=locale_id).order_by("start", "id")
