"""The webhooks' `db_worker`, which also keeps the public forms' promises: sent when possible, deleted when due.

The privacy notices promise deletion after ENQUIRY_RETENTION_DAYS and
PROPOSAL_RETENTION_DAYS; a promise kept only by a cron job someone must remember
would not be kept. So every `db_worker` (docker compose's worker, `make demo`)
runs the `PURGE_COMMANDS` now and every --purge-interval seconds, as it already recovers webhook deliveries. The
`enquiries` app comes before `webhooks` in INSTALLED_APPS, so this command is the
one Django finds; it extends the webhooks one, which extends django-tasks-db's.
"""

import logging
import os
import threading

from django.core.management import call_command
from django.db import DatabaseError, close_old_connections, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from webhooks.management.commands import db_worker

logger = logging.getLogger("enquiries.purge")

#: Commands (called by name: no import of their apps) that delete personal data past its retention.
PURGE_COMMANDS = ("purge_enquiries", "purge_proposals", "purge_registrations")


class Purger(threading.Thread):
    """Runs the `PURGE_COMMANDS` now and every `interval` seconds, on its own database connection."""

    def __init__(self, interval):
        super().__init__(name="enquiry-purger", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            close_old_connections()
            for command in PURGE_COMMANDS:
                try:
                    call_command(command, verbosity=0)
                except DatabaseError:
                    logger.exception("%s failed; trying again in %g s.", command, self.interval)
            self.stopped.wait(self.interval)
        connections.close_all()


class Command(db_worker.Command):
    help = (
        db_worker.Command.help
        + " Every --purge-interval seconds it also runs purge_enquiries, purge_proposals and purge_registrations."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--purge-interval",
            type=float,
            default=3600.0,
            help="Seconds between two runs of the purge commands; 0: never (default: %(default)r).",
        )

    def handle(self, *args, purge_interval, **options):
        worker_process = not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if worker_process and purge_interval > 0 and not options["batch"]:
            Purger(purge_interval).start()
        return super().handle(*args, **options)
