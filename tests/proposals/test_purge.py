"""Decided proposals are deleted PROPOSAL_RETENTION_DAYS after the decision; new ones wait for the editors."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from enquiries.management.commands.db_worker import PURGE_COMMANDS
from proposals.models import PracticeProposal
from tests.proposals.test_admin import proposal_in


def test_decided_proposals_past_retention_are_deleted(content, settings):
    settings.PROPOSAL_RETENTION_DAYS = 30
    old_declined, old_accepted, recent, waiting = (proposal_in("cs", content) for _ in range(4))
    long_ago = timezone.now() - datetime.timedelta(days=31)
    PracticeProposal.objects.filter(pk__in=[old_declined.pk, waiting.pk]).update(status="declined", decided_at=long_ago)
    PracticeProposal.objects.filter(pk=old_accepted.pk).update(status="accepted", decided_at=long_ago)
    PracticeProposal.objects.filter(pk=recent.pk).update(status="declined", decided_at=timezone.now())
    PracticeProposal.objects.filter(pk=waiting.pk).update(status="new", created_at=long_ago)
    out = StringIO()

    call_command("purge_proposals", stdout=out)

    assert set(PracticeProposal.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert "Deleted 2" in out.getvalue()


def test_every_worker_runs_it():
    assert "purge_proposals" in PURGE_COMMANDS
