"""Delete proposals decided more than PROPOSAL_RETENTION_DAYS ago, with the proposer's personal data."""

from django.core.management.base import BaseCommand

from proposals.services import purge_proposals


class Command(BaseCommand):
    help = (
        "Delete accepted and declined practice proposals (and the proposer's data in them) PROPOSAL_RETENTION_DAYS "
        "after the decision; drafts created from them stay. Every db_worker runs it hourly."
    )

    def handle(self, *args, **options):
        deleted = purge_proposals()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} decided proposal(s) past their retention.")
