"""django-tasks-db's `db_worker`, which on the webhooks queue also recovers what dead workers left behind.

The same command name on purpose (as staticfiles' runserver extends Django's):
every deployment already runs `manage.py db_worker --backend webhooks --queue-name
webhooks` (docker compose, `make demo`), and each one now recovers a delivery
whose worker was killed mid-attempt without a cron job or anyone running
`requeue_webhooks`. The `webhooks` app comes before `django_tasks_db` in
INSTALLED_APPS, so this command is the one Django finds.
"""

import datetime
import logging
import os
import threading

from django.db import DatabaseError, close_old_connections, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from webhooks.recovery import reap
from webhooks.tasks import deliver

logger = logging.getLogger("webhooks.recovery")


class Reaper(threading.Thread):
    """Runs `webhooks.recovery.reap` now and every `interval` seconds, on its own database connection."""

    def __init__(self, interval, grace):
        super().__init__(name="webhook-reaper", daemon=True)
        self.interval, self.grace = interval, grace
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            close_old_connections()
            try:
                lost, requeued, given_up = reap(self.grace)
            except DatabaseError:
                # A locked SQLite file or a database restarting: the next round tries again.
                logger.exception("Recovering webhook deliveries failed; trying again in %g s.", self.interval)
            else:
                for deliveries, what in (
                    (lost, "sent again after their worker stopped"),
                    (requeued, "queued again, having no task"),
                    (given_up, "marked failed, their tasks having crashed WEBHOOK_MAX_ATTEMPTS times"),
                ):
                    if deliveries:
                        logger.warning("Webhook deliveries %s: %s.", what, ", ".join(str(d.pk) for d in deliveries))
            self.stopped.wait(self.interval)
        connections.close_all()


class Command(db_worker.Command):
    help = (
        "Run a database background worker; on the webhooks backend it also sends again, every --reap-interval "
        "seconds, the deliveries whose worker stopped during an attempt (see webhooks.recovery)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--reap-interval",
            type=float,
            default=10.0,
            help="Seconds between two looks for deliveries left by dead workers; 0: never (default: %(default)r).",
        )
        parser.add_argument(
            "--reap-grace",
            type=int,
            default=600,
            help="Seconds a delivery may be overdue with no task, or a task running, before it counts as "
            "stranded (default: %(default)r).",
        )

    def handle(self, *args, reap_interval, reap_grace, **options):
        queues = options["queue_name"].split(",")
        serves_webhooks = options["backend_name"] == deliver.get_backend().alias and (
            deliver.queue_name in queues or "*" in queues
        )
        # With --reload, the process that watches the files is not the worker: its child is.
        worker_process = not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if serves_webhooks and worker_process and reap_interval > 0 and not options["batch"]:
            Reaper(reap_interval, datetime.timedelta(seconds=reap_grace)).start()
        return super().handle(*args, **options)
