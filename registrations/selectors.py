"""Named queries about registrations: which event takes them, its places, its list, and the statistics."""

from django.db.models import Count, Q
from django.utils import timezone

from core.api.tree import public_tree
from events.models import EventPage, EventStatus
from registrations.models import HOLDING_A_PLACE, Registration, Status


def registrable_event(event_id):
    """The live, public event with this id that takes registrations on the portal, or None."""
    event = EventPage.objects.filter(pk=event_id, registration_enabled=True).select_related("locale").first()
    if event is None or not public_tree().shows(event):
        return None
    return event


def public_translations(event):
    """{language code: id} of the event's public pages, itself included: the form's language switch."""
    tree = public_tree()
    pages = EventPage.objects.filter(translation_key=event.translation_key).only("id", "live", "locale_id", "path")
    return {tree.locale_codes[page.locale_id]: page.pk for page in pages if tree.shows(page)}


def closes_at(event):
    """When registration ends: the deadline, else the start."""
    return event.registration_deadline or event.start


def is_open(event, now=None):
    return event.status == EventStatus.SCHEDULED and (now or timezone.now()) < closes_at(event)


def has_started(event, now=None):
    return event.start <= (now or timezone.now())


def places_taken(event_key):
    return Registration.objects.filter(event_key=event_key, status__in=HOLDING_A_PLACE).count()


def places_left(event):
    """Free places of the event (both languages together); None when its capacity is unlimited."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - places_taken(event.translation_key))


def registrations_of(event_key, status=None):
    """An event's registrations (every language), first come first; `status` narrows them."""
    rows = Registration.objects.filter(event_key=event_key).select_related("locale")
    return rows.filter(status=status) if status else rows


def first_waiting(event_key):
    return registrations_of(event_key, Status.WAITING).first()


def active_registration(event_key, email):
    """The registration of `email` for this event that still holds or awaits a place, or None."""
    active = (*HOLDING_A_PLACE, Status.WAITING)
    return Registration.objects.filter(event_key=event_key, email__iexact=email, status__in=active).first()


def registration_pages(event_key):
    """The event's pages (one per language), for the admin's editors check."""
    return EventPage.objects.filter(translation_key=event_key)


def registrations_under(pages):
    """How many registrations (kept or anonymised) belong to an event among `pages` or below them.

    Counted per event, over both languages: deleting one language's page would take its
    registrations with it, and deleting the original takes its translations too.
    """
    inside = Q(pk__in=[])
    for page in pages:
        inside |= Q(path__startswith=page.path)
    keys = EventPage.objects.filter(inside).values("translation_key")
    return Registration.objects.filter(event_key__in=keys).count()


def past_retention(cutoff):
    """Registrations not yet anonymised of events that ended before `cutoff`."""
    return Registration.objects.filter(anonymised_at__isnull=True, event__end__lt=cutoff)


def participants_by_country_and_kind(locale=None, event_types=None):
    """[{country, institution_kind, confirmed, attended}] counted over every registration (kept after anonymisation).

    `confirmed` counts those who held a confirmed place, `attended` those marked
    present. `locale` (a language code) narrows it to registrations made on that
    language's page of an event, `event_types` to events of those types. Counts only: never a person.
    """
    rows = Registration.objects.all()
    if locale is not None:
        rows = rows.filter(locale__language_code=locale)
    if event_types is not None:
        rows = rows.filter(event__event_type__in=event_types)
    counted = (
        rows.values("country", "institution_kind")
        .annotate(
            confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
            attended=Count("pk", filter=Q(attended=True)),
        )
        .filter(Q(confirmed__gt=0) | Q(attended__gt=0))
        .order_by("country", "institution_kind")
    )
    return list(counted)
