"""What happens to a registration: a place, a pending one or the waiting list; cancelled; confirmed; anonymised.

Every change of who holds a place runs in one transaction that first locks the
event's `EventSeats` row, so the last place goes to one person only and a freed
place passes to the first on the waiting list in the same transaction. Mail is
sent after the commit: a slow or absent mail server never holds the lock.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from events.models import ConfirmationMode
from registrations import mail
from registrations.links import new_secret
from registrations.models import HOLDING_A_PLACE, EventSeats, Registration, Status
from registrations.selectors import (
    active_registration,
    first_waiting,
    has_started,
    is_open,
    past_retention,
    places_taken,
)

#: The answers that anonymisation empties (country, kind of institution, status and attendance stay).
PERSONAL_FIELDS = ("name", "email", "institution", "position", "visit_language", "needs")
PERSONAL_FIELDS += ("internship_period", "internship_host", "secret")


class RegistrationRefused(Exception):
    """The registration cannot be taken (closed, or this address is already registered): a 409, in words."""


class AlreadyRegistered(RegistrationRefused):
    pass


class RegistrationClosed(RegistrationRefused):
    pass


def _lock(event_key):
    """Take the event's place lock; the row is created on first use (get_or_create survives a race)."""
    seats, _created = EventSeats.objects.get_or_create(event_key=event_key)
    return EventSeats.objects.select_for_update().get(pk=seats.pk)


def _status_for_a_free_place(event):
    return Status.CONFIRMED if event.registration_confirmation == ConfirmationMode.AUTOMATIC else Status.PENDING


def _has_room(event):
    return event.capacity is None or places_taken(event.translation_key) < event.capacity


def register(event, answers, *, language):
    """Register someone for `event`: (registration, whether its mail went). Raises RegistrationRefused."""
    if not is_open(event):
        raise RegistrationClosed
    with transaction.atomic():
        _lock(event.translation_key)
        if active_registration(event.translation_key, answers["email"]):
            raise AlreadyRegistered
        status = _status_for_a_free_place(event) if _has_room(event) else Status.WAITING
        registration = Registration.objects.create(
            event_key=event.translation_key,
            event=event,
            locale_id=event.locale_id,
            status=status,
            language=language,
            secret=new_secret(),
            **answers,
        )
    return registration, mail.send(mail.registered(registration))


def cancel(registration):
    """The visitor cancels (idempotent): their place, if they held one, passes to the first waiting person."""
    with transaction.atomic():
        _lock(registration.event_key)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status in (Status.CANCELLED, Status.DECLINED):
            return registration
        held = registration.status in HOLDING_A_PLACE
        _set_status(registration, Status.CANCELLED)
        promoted = _promote(registration.event) if held else None
    if promoted:
        mail.send(mail.promoted(promoted))
    return registration


def confirm(registration):
    """The organiser confirms a pending (or waiting, or declined) registration; it may exceed the capacity."""
    with transaction.atomic():
        _lock(registration.event_key)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status in (Status.CONFIRMED, Status.CANCELLED):
            return registration, False
        _set_status(registration, Status.CONFIRMED)
    return registration, mail.send(mail.decided(registration))


def decline(registration):
    """The organiser declines a registration; a place it held passes to the first waiting person."""
    with transaction.atomic():
        _lock(registration.event_key)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status in (Status.DECLINED, Status.CANCELLED):
            return registration, False
        held = registration.status in HOLDING_A_PLACE
        _set_status(registration, Status.DECLINED)
        promoted = _promote(registration.event) if held else None
    sent = mail.send(mail.decided(registration))
    if promoted:
        mail.send(mail.promoted(promoted))
    return registration, sent


def mark_attended(registration, attended):
    """Attendance, once the event has begun; None clears it. Raises ValueError before the start."""
    if not has_started(registration.event):
        raise ValueError("The event has not started yet.")
    Registration.objects.filter(pk=registration.pk).update(attended=attended)


def _promote(event):
    """Within the locked transaction: the first waiting person takes the freed place, if there is room."""
    waiting = first_waiting(event.translation_key)
    if waiting is None or not _has_room(event):
        return None
    _set_status(waiting, _status_for_a_free_place(event))
    return waiting


def _set_status(registration, status):
    registration.status = status
    Registration.objects.filter(pk=registration.pk).update(status=status)


def message_participants(event_key, *, subject, body, include_waiting=False):
    """Mail the organiser's message to every confirmed participant (and the waiting list): how many it reached."""
    statuses = [Status.CONFIRMED, *([Status.WAITING] if include_waiting else [])]
    recipients = Registration.objects.filter(event_key=event_key, status__in=statuses).exclude(email="")
    messages = [mail.message(registration, subject, body) for registration in recipients]
    return mail.send_all(messages)


def anonymise_past_events(now=None):
    """Empty the personal fields of registrations REGISTRATION_RETENTION_DAYS after their event ended."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    blank = dict.fromkeys(PERSONAL_FIELDS, "")
    return past_retention(cutoff).update(**blank, anonymised_at=now)
