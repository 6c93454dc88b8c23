import datetime

from django.core.management.base import BaseCommand, CommandError
from django_tasks_db import DatabaseBackend

from webhooks.recovery import reap
from webhooks.tasks import deliver, lease_duration


class Command(BaseCommand):
    help = (
        "What every db_worker does by itself (webhooks.recovery): send again the deliveries whose worker died "
        "during an attempt; queue an attempt for every pending or retrying webhook delivery that is overdue by "
        "more than the grace period and has no queued or running task; mark failed those whose tasks already "
        "crashed WEBHOOK_MAX_ATTEMPTS times. Safe to run again at any time."
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
        lease = lease_duration().total_seconds()
        if grace <= lease:
            raise CommandError(
                f"--grace must exceed an attempt's lease (2 × WEBHOOK_TIMEOUT + 5 s = {lease:g} s), "
                "or an attempt still under way would be queued again."
            )
        lost, requeued, given_up = reap(datetime.timedelta(seconds=grace))
        if lost:
            ids = ", ".join(str(delivery.pk) for delivery in lost)
            self.stdout.write(f"Sent {len(lost)} webhook deliveries again after their worker stopped: {ids}.")
        if requeued:
            ids = ", ".join(str(delivery.pk) for delivery in requeued)
            self.stdout.write(f"Queued {len(requeued)} stranded webhook deliveries again: {ids}.")
        if given_up:
            ids = ", ".join(str(delivery.pk) for delivery in given_up)
            self.stdout.write(
                f"Marked {len(given_up)} webhook deliveries failed, their tasks having crashed "
                f"WEBHOOK_MAX_ATTEMPTS times: {ids}."
            )
        if not lost and not requeued and not given_up and options["verbosity"] > 1:
            self.stdout.write("No stranded webhook deliveries.")
