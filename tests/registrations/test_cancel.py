"""The personal link: GET shows what it cancels, POST cancels and moves the first waiting person up."""

import re

from django.core import mail

from registrations.models import Registration, Status
from tests.registrations.conftest import post

CANCEL = "/api/v2/registrations/cancel/"


def token_of(message):
    return re.search(r"\?token=(\S+)", message.body).group(1)


def test_get_never_cancels_and_post_does_moving_the_waiting_person_up(client, form, content):
    post(client, form())
    token = token_of(mail.outbox[0])
    post(client, form(email="b@example.pl"))
    post(client, form(email="jana@example.cz", event=content.event_cs.pk, language="cs"))
    mail.outbox.clear()

    shown = client.get(CANCEL, {"token": token})
    assert shown.status_code == 200
    assert (shown.json()["status"], shown.json()["cancellable"]) == ("confirmed", True)
    assert Registration.objects.filter(status=Status.WAITING).count() == 1

    cancelled = client.post(CANCEL, {"token": token, "language": "pl"}, content_type="application/json")

    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled["Cache-Control"] == "no-store"
    assert Registration.objects.get(email="jana@example.cz").status == Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [["jana@example.cz"]]
    assert client.get(CANCEL, {"token": token}).json()["cancellable"] is False


def test_a_forged_token_is_a_404_and_a_missing_or_malformed_one_a_400(client, form):
    post(client, form())
    token = token_of(mail.outbox[0])
    pk, rest = token.split("-", 1)

    assert client.get(CANCEL, {"token": token[:-2] + "xx"}).status_code == 404
    assert client.get(CANCEL, {"token": "1-abc:def"}).status_code == 404
    assert client.post(CANCEL, {"token": f"{int(pk) + 1}-{rest}"}, content_type="application/json").status_code == 404
    assert client.get(CANCEL).status_code == 400
    assert list(client.get(CANCEL, {"token": "<script>"}).json()["errors"]) == ["token"]
    assert list(client.get(f"{CANCEL}?token={token}&token={token}").json()["errors"]) == ["token"]
    assert client.get(CANCEL, {"token": token, "locale": ""}).status_code == 400
    assert client.post(CANCEL, {}, content_type="application/json").status_code == 400
    assert Registration.objects.get().status == Status.CONFIRMED


def test_an_anonymised_registration_cannot_be_reached_by_its_old_link(client, form):
    post(client, form())
    token = token_of(mail.outbox[0])
    Registration.objects.update(anonymised_at="2030-01-01T00:00Z")

    assert client.get(CANCEL, {"token": token}).status_code == 404
