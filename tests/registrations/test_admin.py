"""The organisers' list: only the event's locale editors and administrators, in the admin views and the exports."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.models import Country
from events.models import EventPage
from registrations import services
from registrations.models import Registration, Status
from validation.roles import VALIDATORS


def answers(email, **changes):
    return {"name": email.split("@")[0], "email": email, "country": "PL", "institution_kind": "ngo", **changes}


@pytest.fixture
def registrations(event, content):
    first, _sent = services.register(event, answers("anna@example.pl", institution="=HYPERLINK(1)"), language="pl")
    second, _sent = services.register(content.event_cs, answers("jana@example.cz", country="CZ"), language="cs")
    third, _sent = services.register(event, answers("piotr@example.pl"), language="pl")
    mail.outbox.clear()
    return first, second, third


def urls(event):
    return [
        reverse("registrations_admin:event", args=[event.pk]),
        reverse("registrations_admin:export", args=[event.pk, "csv"]),
        reverse("registrations_admin:export", args=[event.pk, "xlsx"]),
        reverse("registrations_admin:message", args=[event.pk]),
    ]


@pytest.mark.parametrize(("role", "code"), [("editor", "pl"), ("editor", "cs"), (None, None)])
def test_the_events_editors_and_administrators_see_both_languages_registrations(
    client, make_user, registrations, event, content, role, code
):
    user = make_user(role, code) if role else make_user(is_superuser=True)
    client.force_login(user)
    page = content.event_cs if code == "cs" else event

    response = client.get(reverse("registrations_admin:event", args=[page.pk]))

    assert response.status_code == 200
    assert "anna@example.pl" in response.content.decode()
    assert "jana@example.cz" in response.content.decode()
    for url in urls(page):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(("role", "code"), [("translator", "cs"), ("reviewer", "cs"), ("translator", "pl")])
def test_translators_and_reviewers_see_no_registration_not_even_by_url(
    client, make_user, registrations, event, content, role, code
):
    client.force_login(make_user(role, code))

    for page in (event, content.event_cs):
        for url in urls(page):
            response = client.get(url)
            assert response.status_code in (302, 403)
            assert "anna@example.pl" not in response.content.decode()
    assert client.post(
        reverse("registrations_admin:act", args=[event.pk, registrations[0].pk]), {"action": "decline"}
    ).status_code in (302, 403)
    assert Registration.objects.get(pk=registrations[0].pk).status == Status.CONFIRMED
    assert client.get(reverse("registrations_admin:index")).content.decode().count("Spotkanie sieci") == 0


@pytest.mark.parametrize("country", [Country.POLAND, Country.CZECHIA])
def test_a_validator_sees_no_registration(client, make_user, registrations, event, country):
    user = make_user()  # sets the roles up, the validators' groups too
    user.groups.add(Group.objects.get(name=VALIDATORS[country]))
    client.force_login(user)

    for url in urls(event):
        assert "anna@example.pl" not in client.get(url).content.decode()


def test_the_header_button_leads_organisers_to_the_list(client, make_user, event):
    client.force_login(make_user("editor", "pl"))

    page = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()

    assert reverse("registrations_admin:event", args=[event.pk]) in page


def test_the_csv_is_utf8_headed_in_the_admins_language_and_disarms_formulas(client, make_user, registrations, event):
    user = make_user("editor", "pl")
    user.wagtail_userprofile.preferred_language = "pl"
    user.wagtail_userprofile.save()
    client.force_login(user)

    response = client.get(reverse("registrations_admin:export", args=[event.pk, "csv"]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["imię i nazwisko", "e-mail", "status"]
    assert [row[1] for row in rows[1:]] == ["anna@example.pl", "jana@example.cz", "piotr@example.pl"]
    assert rows[1][6] == "'=HYPERLINK(1)"
    assert rows[2][4] == "Czechy"


def test_the_xlsx_has_the_same_rows(client, make_user, registrations, event):
    client.force_login(make_user("editor", "pl"))

    response = client.get(reverse("registrations_admin:export", args=[event.pk, "xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "full name"  # the admin in English
    assert [row[1] for row in values[1:]] == ["anna@example.pl", "jana@example.cz", "piotr@example.pl"]


def test_the_organiser_declines_and_the_waiting_person_moves_up(client, make_user, registrations, event):
    first, _second, waiting = registrations
    client.force_login(make_user("editor", "pl"))

    response = client.post(reverse("registrations_admin:act", args=[event.pk, first.pk]), {"action": "decline"})

    assert response.status_code == 302
    assert Registration.objects.get(pk=first.pk).status == Status.DECLINED
    assert Registration.objects.get(pk=waiting.pk).status == Status.CONFIRMED
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@example.pl", "piotr@example.pl"]


def test_the_list_filters_by_status(client, make_user, registrations, event):
    client.force_login(make_user("editor", "pl"))

    page = client.get(reverse("registrations_admin:event", args=[event.pk]), {"status": "waiting"}).content.decode()

    assert "piotr@example.pl" in page
    assert "anna@example.pl" not in page


def test_attendance_is_marked_after_the_start_only(client, make_user, registrations, event):
    first = registrations[0]
    client.force_login(make_user("editor", "pl"))
    url = reverse("registrations_admin:act", args=[event.pk, first.pk])

    client.post(url, {"action": "attended"})
    assert Registration.objects.get(pk=first.pk).attended is None

    EventPage.objects.filter(translation_key=event.translation_key).update(
        start=timezone.now() - datetime.timedelta(hours=2)
    )
    client.post(url, {"action": "attended"})
    assert Registration.objects.get(pk=first.pk).attended is True


def test_message_all_participants_reaches_the_confirmed_and_optionally_the_waiting(
    client, make_user, registrations, event
):
    client.force_login(make_user("editor", "pl"))
    url = reverse("registrations_admin:message", args=[event.pk])

    assert client.post(url, {"subject": "", "body": "x"}).status_code == 200  # the form's errors
    client.post(url, {"subject": "Zmiana sali", "body": "Sala 2."})
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@example.pl", "jana@example.cz"]
    assert "/cs/registrace/zrusit/" in next(m.body for m in mail.outbox if m.to == ["jana@example.cz"])

    mail.outbox.clear()
    client.post(url, {"subject": "Zmiana sali", "body": "Sala 2.", "include_waiting": "on"})
    assert len(mail.outbox) == 3


def test_an_unknown_export_format_is_a_404(client, make_user, event):
    client.force_login(make_user("editor", "pl"))

    assert client.get(reverse("registrations_admin:export", args=[event.pk, "pdf"])).status_code == 404
