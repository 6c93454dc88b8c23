"""POST /api/v2/enquiries/: a question reaches the owner by mail, and every bad form gets a 400 naming its field."""

import json
import smtplib

import pytest
from django.core import mail

from enquiries.models import Enquiry, PracticeInterest
from security.public_forms import issue_token
from tests.enquiries.conftest import OWNER, VISITOR

URL = "/api/v2/enquiries/"


def post(client, data, **headers):
    return client.post(URL, data=json.dumps(data), content_type="application/json", **headers)


def test_a_question_is_mailed_to_the_owner_with_the_visitors_address_to_reply_to(client, form, practice):
    response = post(client, form())

    assert response.status_code == 202
    assert response["Cache-Control"] == "no-store"
    assert OWNER not in response.content.decode()
    (message,) = mail.outbox
    assert message.to == [OWNER]
    assert message.reply_to == [VISITOR]
    assert practice.title in message.subject
    assert "Jak dlouho trvala" in message.body
    assert "Jana Nováková" in message.body
    enquiry = Enquiry.objects.get()
    assert (enquiry.practice, enquiry.sent_at is not None, enquiry.language) == (practice.specific, True, "cs")
    assert PracticeInterest.objects.get(practice=practice).questions == 1


def test_without_consent_the_owner_gets_the_question_but_not_the_address(client, form):
    response = post(client, form(consent_to_share_address=False))

    assert response.status_code == 202
    (message,) = mail.outbox
    assert message.reply_to == []
    assert VISITOR not in message.body
    assert VISITOR not in str(message.message())
    assert "nie zgodził" in message.body  # said in the practice's language (Polish)


def test_the_answer_speaks_the_visitors_language(client, form):
    czech = post(client, form()).json()["detail"]
    polish = post(client, form(language="pl")).json()["detail"]

    assert czech != polish
    assert "otázk" in czech.lower()
    assert "pytanie" in polish.lower()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": None}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"email": None}, "email"),
        ({"message": ""}, "message"),
        ({"message": "x" * 3001}, "message"),
        ({"consent_to_processing": False}, "consent_to_processing"),
        ({"consent_to_processing": None}, "consent_to_processing"),
        ({"practice": None}, "practice"),
        ({"practice": "abc"}, "practice"),
        ({"practice": 2**40}, "practice"),
        ({"practice": 999_999}, "practice"),
        ({"token": None}, "token"),
        ({"language": "de"}, "language"),
    ],
)
def test_each_bad_field_gets_a_400_naming_it(client, form, change, field):
    response = post(client, form(**change))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert response.json()["detail"] == f"Invalid fields: {field}."
    assert mail.outbox == []
    assert not Enquiry.objects.exists()


def test_field_errors_are_in_czech_or_polish(client, form):
    czech = post(client, form(name=None, consent_to_processing=False)).json()["errors"]
    polish = post(client, form(name=None, language="pl")).json()["errors"]
    by_header = post(client, form(name=None, language=None), HTTP_ACCEPT_LANGUAGE="cs").json()["errors"]

    assert czech["name"] == ["Toto pole je povinné."]
    assert czech["consent_to_processing"] == ["Potvrďte prosím souhlas se zpracováním vaší otázky."]
    assert polish["name"] == ["To pole jest wymagane."]
    assert by_header["name"] == ["Toto pole je povinné."]


def test_a_body_that_is_not_json_is_a_400_not_a_500(client, form):
    response = client.post(URL, data="{broken", content_type="application/json")

    assert response.status_code == 400
    assert "detail" in response.json()


def test_an_html_form_post_works_too(client, form):
    response = client.post(URL, data=form())

    assert response.status_code == 202


def test_a_filled_honeypot_is_refused(client, form):
    response = post(client, form(website="http://spam.example"))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["website"]
    assert mail.outbox == []


def test_a_form_sent_too_fast_is_refused(client, form, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 5

    response = post(client, form())

    assert response.status_code == 400
    assert response.json()["errors"]["token"] == [
        "Formulář byl odeslán příliš rychle. Počkejte pár sekund a odešlete jej znovu."
    ]


@pytest.mark.parametrize(
    "token",
    ["", "forged", "enquiry:abc:1abc:zzzz"],
)
def test_a_forged_token_is_refused(client, form, token):
    response = post(client, form(token=token))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["token"]


def test_a_token_issued_for_another_form_is_refused(client, form):
    assert post(client, form(token=issue_token("proposal"))).status_code == 400


def test_an_expired_token_is_refused(client, form, settings):
    settings.PUBLIC_FORM_MAX_AGE = -1

    response = post(client, form())

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["token"]


def test_a_practice_that_is_not_live_cannot_be_asked_about(client, form, practice):
    practice.unpublish()

    response = post(client, form())

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["practice"]


def test_a_practice_without_anyone_to_ask_cannot_be_asked_about(client, form, practice, content):
    type(practice).objects.filter(pk=practice.pk).update(contact_email="")
    content.partner.email = ""
    content.partner.save()

    response = post(client, form())

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["practice"]


def test_without_a_practice_contact_the_institution_receives_the_question(client, form, practice, content):
    type(practice).objects.filter(pk=practice.pk).update(contact_email="")
    type(content.partner).objects.filter(pk=content.partner.pk).update(email="sekretariat@example.org")

    assert post(client, form()).status_code == 202
    assert mail.outbox[0].to == ["sekretariat@example.org"]


def test_when_mail_fails_the_question_is_kept_and_a_503_says_so(client, form, practice, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)

    response = post(client, form())

    assert response.status_code == 503
    assert "detail" in response.json()
    enquiry = Enquiry.objects.get()
    assert (enquiry.sent_at, enquiry.attempts) == (None, 1)
    assert PracticeInterest.objects.get(practice=practice).questions == 1
