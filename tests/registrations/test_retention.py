"""REGISTRATION_RETENTION_DAYS after an event, `purge_registrations` empties the personal data; the counts stay."""

import datetime

from django.core.management import call_command, get_commands
from django.utils import timezone

from enquiries.management.commands.db_worker import PURGE_COMMANDS
from events.models import EventPage
from registrations import services
from registrations.models import Registration
from registrations.selectors import participants_by_country_and_kind


def register(event, email, **changes):
    fields = {"name": "Ewa", "email": email, "country": "PL", "institution_kind": "ngo", **changes}
    return services.register(event, {**fields, "needs": "wegetariańska", "institution": "Fundacja"}, language="pl")[0]


def end_event(event, days_ago):
    ended = timezone.now() - datetime.timedelta(days=days_ago)
    EventPage.objects.filter(translation_key=event.translation_key).update(
        start=ended - datetime.timedelta(hours=3), end=ended
    )


def test_participants_are_anonymised_after_the_retention_and_not_before(event, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    registration = register(event, "ewa@example.pl")
    end_event(event, days_ago=29)

    call_command("purge_registrations", verbosity=0)
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.anonymised_at) == ("Ewa", "ewa@example.pl", None)

    end_event(event, days_ago=31)
    Registration.objects.filter(pk=registration.pk).update(attended=True)
    call_command("purge_registrations", verbosity=0)

    registration.refresh_from_db()
    assert registration.anonymised_at is not None
    personal = [getattr(registration, field) for field in services.PERSONAL_FIELDS]
    assert personal == [""] * len(personal)
    assert (registration.country, registration.institution_kind, registration.attended) == ("PL", "ngo", True)


def test_every_worker_runs_the_purge():
    assert "purge_registrations" in PURGE_COMMANDS
    assert get_commands()["purge_registrations"] == "registrations"


def test_the_statistics_count_by_country_and_kind_never_persons(event, content):
    register(event, "a@example.pl")
    register(content.event_cs, "b@example.cz", country="CZ", institution_kind="university")
    waiting = register(event, "c@example.pl")
    Registration.objects.filter(pk=waiting.pk).update(attended=True)  # came though waiting: counted as attended

    counts = participants_by_country_and_kind()

    assert counts == [
        {"country": "CZ", "institution_kind": "university", "confirmed": 1, "attended": 0},
        {"country": "PL", "institution_kind": "ngo", "confirmed": 1, "attended": 1},
    ]
    assert participants_by_country_and_kind(locale="cs") == [counts[0]]
