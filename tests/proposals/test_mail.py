"""Mails of a proposal: a confirmation to the proposer in their language, a notice to the locale's editors."""

import json

import pytest
from django.core import mail
from django.core.cache import cache

from proposals.models import PracticeProposal
from tests.proposals.conftest import PROPOSER


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


def post(client, data):
    return client.post("/api/v2/proposals/", data=json.dumps(data), content_type="application/json")


def test_the_proposer_is_confirmed_in_czech_quoting_the_title_without_a_link(client, form):
    assert post(client, form()).status_code == 202

    (confirmation,) = [message for message in mail.outbox if message.to == [PROPOSER]]
    assert "Sdílená kola v Olomouci" in confirmation.subject
    assert "Děkujeme" in confirmation.body
    assert "Sdílená kola v Olomouci" in confirmation.body
    assert "http" not in confirmation.body


def test_a_polish_proposer_is_confirmed_in_polish(client, form):
    post(client, form(language="pl", topics=None, partner=None))

    (confirmation,) = [message for message in mail.outbox if message.to == [PROPOSER]]
    assert "Dziękujemy" in confirmation.body


def test_the_editors_of_the_locale_are_told_and_no_one_else(client, form, make_user):
    czech = make_user("editor", "cs")
    polish = make_user("editor", "pl")
    translator = make_user("translator", "cs")

    post(client, form())

    (notice,) = [message for message in mail.outbox if message.to != [PROPOSER]]
    assert czech.email in notice.bcc
    assert polish.email not in notice.bcc
    assert translator.email not in notice.bcc
    assert PROPOSER not in notice.bcc
    assert "Sdílená kola v Olomouci" in notice.subject
    assert f"/admin/proposals/inspect/{PracticeProposal.objects.get().pk}/" in notice.body


def test_a_failing_mail_server_keeps_the_proposal(client, form, settings):
    settings.EMAIL_BACKEND = "tests.proposals.test_mail.BrokenBackend"

    assert post(client, form()).status_code == 202
    assert PracticeProposal.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError
