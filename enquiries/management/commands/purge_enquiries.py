"""Delete questions older than ENQUIRY_RETENTION_DAYS, and send again those the mail server did not take."""

from django.core.management.base import BaseCommand

from enquiries.services import purge_enquiries, resend_unsent


class Command(BaseCommand):
    help = (
        "Delete visitors' questions older than ENQUIRY_RETENTION_DAYS (the per-practice counts stay), "
        "after trying once more to mail those still unsent. Every db_worker runs it hourly."
    )

    def handle(self, *args, **options):
        sent = resend_unsent()
        deleted = purge_enquiries()
        if options["verbosity"]:
            self.stdout.write(f"Sent {sent} waiting question(s); deleted {deleted} question(s) past their retention.")
