"""Places: both languages count against one capacity, the full event has a waiting list, a cancellation moves it up."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from events.models import EventPage
from registrations import services
from registrations.models import Registration, Status
from registrations.selectors import places_left


def answers(email, **changes):
    return {"name": email.split("@")[0], "email": email, "country": "CZ", "institution_kind": "ngo", **changes}


def test_polish_and_czech_registrations_share_the_events_places(event, content):
    first, _sent = services.register(event, answers("a@example.pl"), language="pl")
    second, _sent = services.register(content.event_cs, answers("b@example.cz"), language="cs")
    third, _sent = services.register(content.event_cs, answers("c@example.cz"), language="cs")

    assert [first.status, second.status, third.status] == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING]
    assert places_left(event) == places_left(content.event_cs) == 0
    assert {first.event_key, second.event_key} == {event.translation_key}


def test_without_a_capacity_nobody_waits(event):
    EventPage.objects.filter(translation_key=event.translation_key).update(capacity=None)
    event.refresh_from_db()

    statuses = {services.register(event, answers(f"{n}@example.pl"), language="pl")[0].status for n in range(4)}

    assert statuses == {Status.CONFIRMED}
    assert places_left(event) is None


def test_when_the_organiser_confirms_places_a_free_place_is_pending(event):
    EventPage.objects.filter(translation_key=event.translation_key).update(registration_confirmation="organiser")
    event.refresh_from_db()

    registration, _sent = services.register(event, answers("a@example.pl"), language="pl")

    assert registration.status == Status.PENDING
    assert places_left(event) == 1
    assert "awaits the organiser" in mail.outbox[0].subject or "czeka" in mail.outbox[0].subject


def test_one_address_registers_once(event):
    services.register(event, answers("a@example.pl"), language="pl")

    with pytest.raises(services.AlreadyRegistered):
        services.register(event, answers("A@Example.pl"), language="pl")


def test_after_the_deadline_registration_is_closed(event):
    EventPage.objects.filter(pk=event.pk).update(registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    event.refresh_from_db()

    with pytest.raises(services.RegistrationClosed):
        services.register(event, answers("a@example.pl"), language="pl")
    assert not Registration.objects.exists()


def test_a_cancellation_moves_the_first_waiting_person_up_and_tells_them(event, content):
    first, _sent = services.register(event, answers("a@example.pl"), language="pl")
    services.register(event, answers("b@example.pl"), language="pl")
    waiting, _sent = services.register(content.event_cs, answers("c@example.cz"), language="cs")
    later, _sent = services.register(event, answers("d@example.pl"), language="pl")
    mail.outbox.clear()

    services.cancel(first)

    waiting.refresh_from_db()
    later.refresh_from_db()
    assert (waiting.status, later.status) == (Status.CONFIRMED, Status.WAITING)
    (promotion,) = mail.outbox
    assert promotion.to == ["c@example.cz"]
    assert "uvolnilo" in promotion.body  # in Czech, the visitor's language
    assert promotion.attachments[0][0].endswith(".ics")


def test_cancelling_a_waiting_place_promotes_nobody(event):
    services.register(event, answers("a@example.pl"), language="pl")
    services.register(event, answers("b@example.pl"), language="pl")
    waiting, _sent = services.register(event, answers("c@example.pl"), language="pl")
    last, _sent = services.register(event, answers("d@example.pl"), language="pl")
    mail.outbox.clear()

    services.cancel(waiting)
    services.cancel(waiting)  # twice: nothing more happens

    last.refresh_from_db()
    assert last.status == Status.WAITING
    assert mail.outbox == []


def test_declining_a_confirmed_place_gives_it_to_the_waiting_list(event):
    first, _sent = services.register(event, answers("a@example.pl"), language="pl")
    services.register(event, answers("b@example.pl"), language="pl")
    waiting, _sent = services.register(event, answers("c@example.pl"), language="pl")
    mail.outbox.clear()

    services.decline(first)

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.pl", "c@example.pl"]


def test_the_organiser_confirms_a_pending_registration_and_it_is_mailed(event):
    EventPage.objects.filter(pk=event.pk).update(registration_confirmation="organiser")
    event.refresh_from_db()
    pending, _sent = services.register(event, answers("a@example.pl"), language="pl")
    mail.outbox.clear()

    confirmed, sent = services.confirm(pending)

    assert (confirmed.status, sent) == (Status.CONFIRMED, True)
    assert mail.outbox[0].attachments


def test_attendance_is_marked_only_once_the_event_has_begun(event):
    registration, _sent = services.register(event, answers("a@example.pl"), language="pl")

    with pytest.raises(ValueError):
        services.mark_attended(registration, True)

    EventPage.objects.filter(pk=event.pk).update(start=timezone.now() - datetime.timedelta(hours=1))
    registration.event.refresh_from_db()
    services.mark_attended(registration, True)
    registration.refresh_from_db()
    assert registration.attended is True
