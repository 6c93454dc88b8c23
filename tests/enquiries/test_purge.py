"""Questions are deleted after ENQUIRY_RETENTION_DAYS by `purge_enquiries`, which every db_worker runs; counts stay."""

import datetime
import smtplib
from io import StringIO

from django.core import mail
from django.core.management import call_command, get_commands
from django.utils import timezone

from enquiries.management.commands.db_worker import Command as WorkerCommand
from enquiries.models import Enquiry, PracticeInterest
from enquiries.selectors import interest_by_practice, total_questions
from enquiries.services import submit_enquiry
from webhooks.management.commands.db_worker import Command as WebhookWorkerCommand


def ask(practice, **fields):
    enquiry, _sent = submit_enquiry(
        practice, name="Jan", email="jan@example.cz", message="Dotaz", share_address=False, language="cs", **fields
    )
    return enquiry


def test_old_questions_are_deleted_and_the_interest_count_stays(practice, settings):
    settings.ENQUIRY_RETENTION_DAYS = 30
    old, recent = ask(practice), ask(practice)
    Enquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    out = StringIO()

    call_command("purge_enquiries", stdout=out)

    assert list(Enquiry.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "deleted 1" in out.getvalue()
    assert PracticeInterest.objects.get(practice=practice).questions == 2
    assert interest_by_practice() == {practice.pk: 2}
    assert total_questions(locale_ids=[practice.locale_id]) == 2
    assert total_questions(locale_ids=[]) == 0


def test_the_purge_first_sends_what_the_mail_server_refused_before(practice, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
        waiting = ask(practice)
    assert Enquiry.objects.get().sent_at is None

    call_command("purge_enquiries", stdout=StringIO())

    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    assert waiting.attempts == 2
    assert len(mail.outbox) == 1


def test_every_db_worker_purges_and_still_recovers_webhooks():
    assert get_commands()["db_worker"] == "enquiries"
    assert issubclass(WorkerCommand, WebhookWorkerCommand)
    parser = WorkerCommand().create_parser("manage.py", "db_worker")
    webhooks = ["--backend", "webhooks", "--queue-name", "webhooks"]
    assert parser.parse_args(webhooks).purge_interval == 3600.0
    assert parser.parse_args([*webhooks, "--purge-interval", "0"]).purge_interval == 0
