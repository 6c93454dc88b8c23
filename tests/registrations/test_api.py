"""POST /api/v2/registrations/: a place, a mail with the .ics and a cancel link; every bad form a clear 4xx."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.utils import timezone

from events.models import EventPage
from registrations.models import Registration, Status
from tests.registrations.conftest import post


def test_a_registration_takes_a_place_and_mails_the_event_with_a_cancel_link(client, form, event):
    response = post(client, form())

    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store"
    assert response.json()["status"] == "confirmed"
    registration = Registration.objects.get()
    assert (registration.event_key, registration.language, registration.country) == (event.translation_key, "pl", "PL")
    assert registration.internship_host == "Magistrát Olomouc"
    (message,) = mail.outbox
    assert message.to == ["anna@example.pl"]
    assert "/rejestracja/anuluj/?token=" in message.body
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == (f"event-{event.pk}.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content
    assert "SUMMARY:Spotkanie sieci" in content


def test_in_czech_the_answer_and_the_mail_are_czech_with_the_czech_cancel_page(client, form, content, event):
    response = post(client, form(event=content.event_cs.pk, language="cs", email="jana@example.cz"))

    assert response.status_code == 201
    assert "potvrzen" in response.json()["detail"].lower()
    (message,) = mail.outbox
    assert "/cs/registrace/zrusit/?token=" in message.body
    assert "Setkání sítě" in message.subject


def test_when_full_the_next_person_is_on_the_waiting_list(client, form, content):
    statuses = [
        post(client, form(email=f"{n}@example.pl", event=page.pk)).json()["status"]
        for n, page in enumerate([content.event, content.event_cs, content.event])
    ]

    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert "waiting list" in mail.outbox[-1].subject or "rezerw" in mail.outbox[-1].subject


def test_questions_the_event_does_not_ask_are_ignored(client, form, event):
    EventPage.objects.filter(translation_key=event.translation_key).update(registration_questions=[])

    assert post(client, form(internship_period=None, institution="Urząd")).status_code == 201
    registration = Registration.objects.get()
    assert (registration.institution, registration.internship_host) == ("", "")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": None}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"email": "nope"}, "email"),
        ({"country": "DE"}, "country"),
        ({"institution_kind": None}, "institution_kind"),
        ({"institution_kind": "army"}, "institution_kind"),
        ({"institution": ""}, "institution"),
        ({"visit_language": "de"}, "visit_language"),
        ({"visit_language": ""}, "visit_language"),
        ({"internship_period": "  "}, "internship_period"),
        ({"needs": "x" * 1001}, "needs"),
        ({"consent_to_processing": False}, "consent_to_processing"),
        ({"event": None}, "event"),
        ({"event": "abc"}, "event"),
        ({"event": 2**40}, "event"),
        ({"token": None}, "token"),
        ({"website": "http://spam.example"}, "website"),
        ({"language": "de"}, "language"),
    ],
)
def test_each_bad_field_gets_a_400_naming_it(client, form, change, field):
    response = post(client, form(**change))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_field_errors_are_in_the_visitors_language(client, form):
    czech = post(client, form(name=None, language="cs")).json()["errors"]
    polish = post(client, form(name=None, language="pl")).json()["errors"]

    assert czech["name"] == ["Toto pole je povinné."]
    assert polish["name"] == ["To pole jest wymagane."]


def test_a_body_that_is_not_json_is_a_400(client, form):
    response = client.post("/api/v2/registrations/", data="{broken", content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize("how", ["unknown", "not_enabled", "unpublished"])
def test_an_event_that_takes_no_registrations_is_a_404(client, form, event, how):
    if how == "unknown":
        data = form(event=999_999)
    else:
        if how == "not_enabled":
            EventPage.objects.filter(pk=event.pk).update(registration_enabled=False)
        else:
            event.unpublish()
        data = form()

    response = post(client, data)

    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_the_same_address_twice_is_a_409(client, form):
    assert post(client, form()).status_code == 201
    response = post(client, form(email="ANNA@example.pl"))

    assert response.status_code == 409
    assert "zarejestrowany" in response.json()["detail"]
    assert Registration.objects.count() == 1


def test_after_the_deadline_it_is_a_409(client, form, event):
    EventPage.objects.filter(pk=event.pk).update(registration_deadline=timezone.now() - datetime.timedelta(minutes=1))

    response = post(client, form())

    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_a_cancelled_event_takes_no_registrations(client, form, event):
    EventPage.objects.filter(pk=event.pk).update(status="cancelled")

    assert post(client, form()).status_code == 409


def test_an_address_registers_so_many_times_then_gets_a_429(client, form, settings):
    settings.REGISTRATION_ADDRESS_RATE = "2/hour"

    statuses = [post(client, form(email=f"{n}@example.pl")).status_code for n in range(3)]

    assert statuses == [201, 201, 429]


def test_when_mail_fails_the_registration_stands_and_a_503_says_so(client, form, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)

    response = post(client, form())

    assert response.status_code == 503
    assert response.json()["status"] == "confirmed"
    assert Registration.objects.get().status == Status.CONFIRMED
