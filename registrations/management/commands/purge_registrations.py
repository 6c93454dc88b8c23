"""Anonymise the participants of events that ended more than REGISTRATION_RETENTION_DAYS ago."""

from django.core.management.base import BaseCommand

from registrations.services import anonymise_past_events


class Command(BaseCommand):
    help = (
        "Empty the personal data (name, e-mail, answers) of registrations REGISTRATION_RETENTION_DAYS after "
        "their event ended; country, kind of institution, status and attendance stay for statistics. "
        "Every db_worker runs it hourly."
    )

    def handle(self, *args, **options):
        anonymised = anonymise_past_events()
        if options["verbosity"]:
            self.stdout.write(f"Anonymised {anonymised} registration(s) past their retention.")
