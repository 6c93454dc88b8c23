import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tasks_db import DatabaseBackend

from webhooks.tasks import deliver, requeue_stranded


class Command(BaseCommand):
    help = (
        "Queue an attempt for every pending or retrying webhook delivery that is overdue by more than the grace "
        "period and has no queued or running task; mark failed those whose tasks already crashed "
        "WEBHOOK_MAX_ATTEMPTS times. Safe to run again at any time, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace",
            type=int,
            default=600,
            help="Seconds a delivery may be overdue, or a task running, before it counts as stranded (default 600).",
        )

    def handle(self, *args, grace, **options):
        if not isinstance(deliver.get_backend(), DatabaseBackend):
            raise CommandError(
                'TASKS["webhooks"] is not a django_tasks_db DatabaseBackend, '
                "so there is no telling which deliveries have a task waiting."
            )
        if grace <= settings.WEBHOOK_TIMEOUT:
            raise CommandError(
                f"--grace must exceed WEBHOOK_TIMEOUT ({settings.WEBHOOK_TIMEOUT:g} s), "
                "or an attempt still under way would be queued again."
            )
        requeued, given_up = requeue_stranded(datetime.timedelta(seconds=grace))
        if requeued:
            ids = ", ".join(str(delivery.pk) for delivery in requeued)
            self.stdout.write(f"Queued {len(requeued)} stranded webhook deliveries again: {ids}.")
        if given_up:
            ids = ", ".join(str(delivery.pk) for delivery in given_up)
            self.stdout.write(
                f"Marked {len(given_up)} webhook deliveries failed, their tasks having crashed "
                f"WEBHOOK_MAX_ATTEMPTS times: {ids}."
            )
        if not requeued and not given_up and options["verbosity"] > 1:
            self.stdout.write("No stranded webhook deliveries.")
