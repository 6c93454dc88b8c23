"""Deliveries whose worker died: found and sent again, by the workers themselves.

A worker killed during an attempt (SIGKILL, out of memory, a host going down)
leaves its task "running" for good and its delivery pending. Every attempt holds a
lease on its delivery (`webhooks.tasks.begin_attempt`) no longer than an attempt can
take; `reap` runs in every `db_worker` (webhooks/management/commands/db_worker.py)
and, once a lease has run out, counts the attempt as lost and queues the next one
right away. The receiver may have got the lost attempt: delivery is at least once,
and the retry carries the same X-A4B-Delivery id for the receiver to ignore it.
"""

import datetime

from django.conf import settings
from django.db import router, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tasks import deliver, enqueue

LOST = "The worker stopped during this attempt; the receiver may have got it. Sent again."

#: What a dead worker's task is marked failed with (its exception class path).
WORKER_LOST = "webhooks.recovery.WorkerLost"

#: The default age past which a task still "running" or a delivery with no task counts as stranded.
DEFAULT_GRACE = datetime.timedelta(minutes=10)


def reap(grace=DEFAULT_GRACE):
    """Recover what dead workers left behind; returns (lost attempts retried, stranded queued, given up)."""
    lost = retry_lost_attempts()
    fail_dead_tasks(grace)
    requeued, given_up = requeue_stranded(grace)
    return lost, requeued, given_up


def _tasks():
    return DBTaskResult.objects.filter(backend_name=deliver.get_backend().alias, task_path=deliver.module_path)


def _fail(tasks, now):
    tasks.filter(status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path=WORKER_LOST,
        traceback="The worker stopped while running this task.",
    )


def retry_lost_attempts():
    """Each delivery whose attempt's lease ran out: count the attempt, mark its task failed, send it again now.

    Sent again at once rather than after the backoff: the receiver did not fail,
    the worker did. A delivery that keeps killing its worker still ends, failed,
    after WEBHOOK_MAX_ATTEMPTS attempts.
    """
    now = timezone.now()
    retried = []
    with transaction.atomic(using=router.db_for_write(WebhookDelivery)):
        expired = WebhookDelivery.objects.select_for_update().filter(
            status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING], lease_expires_at__lt=now
        )
        for delivery in expired.order_by("pk"):
            attempt = delivery.attempts + 1
            delivery.attempts, delivery.lease_expires_at = attempt, None
            delivery.status_code, delivery.latency_ms, delivery.error = None, None, LOST
            delivery.attempt_log = [
                *delivery.attempt_log,
                {"attempt": attempt, "at": now.isoformat(), "status_code": None, "latency_ms": None, "error": LOST},
            ]
            if attempt >= settings.WEBHOOK_MAX_ATTEMPTS:
                delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
            else:
                delivery.status, delivery.next_attempt_at = DeliveryStatus.RETRYING, now
            delivery.save()
            _fail(_tasks().filter(args_kwargs__args=[delivery.pk]), now)
            if delivery.status == DeliveryStatus.RETRYING:
                enqueue(delivery)
            retried.append(delivery)
    return retried


def fail_dead_tasks(grace):
    """Mark failed the tasks "running" for longer than `grace`: no attempt takes that long, their worker is gone.

    The ones that died before taking their delivery's lease have nothing else to
    show for it; `requeue_stranded` then counts them among the crashes.
    """
    now = timezone.now()
    _fail(_tasks().filter(started_at__lte=now - grace), now)


def requeue_stranded(grace):
    """Queue an attempt for every unfinished delivery overdue by more than `grace` with no live task.

    A safety net for deliveries left without a task: recorded before tasks were
    queued in the same transaction, or whose task failed before taking its lease
    (a database error, a worker killed right after claiming it). A task counts as
    live while it is ready or has been running for less than `grace`: one attempt
    takes at most its lease, so the caller keeps `grace` well above it. Running it
    again changes nothing, as every delivery it queued now has a ready task.

    A delivery whose tasks already crashed (raised, rather than meeting a
    receiver's error, which `deliver` records as an attempt) or died
    WEBHOOK_MAX_ATTEMPTS times is marked failed instead: it would most likely
    crash again, and queueing it from every run would go on for ever.
    Returns (queued again, given up).
    """
    now = timezone.now()
    with transaction.atomic(using=router.db_for_write(WebhookDelivery)):
        # Lock the deliveries before reading the queue: a second run waits here until the
        # first commits, and then sees the tasks the first one queued.
        overdue = list(
            WebhookDelivery.objects.select_for_update()
            .filter(status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING], lease_expires_at__isnull=True)
            .alias(due=Coalesce("next_attempt_at", "created_at"))
            .filter(due__lt=now - grace)
            .order_by("pk")
        )
        if not overdue:
            return [], []
        tasks = _tasks()
        live = tasks.filter(
            Q(status=TaskResultStatus.READY) | Q(status=TaskResultStatus.RUNNING, started_at__gt=now - grace)
        )
        queued = {args_kwargs["args"][0] for args_kwargs in live.values_list("args_kwargs", flat=True)}
        crashed = {}
        for args_kwargs, exception in tasks.filter(
            Q(status=TaskResultStatus.FAILED) | Q(status=TaskResultStatus.RUNNING, started_at__lte=now - grace)
        ).values_list("args_kwargs", "exception_class_path"):
            crashed.setdefault(args_kwargs["args"][0], []).append(exception or "a worker that stopped")
        requeued, given_up = [], []
        for delivery in overdue:
            if delivery.pk in queued:
                continue
            failures = crashed.get(delivery.pk, [])
            if len(failures) < settings.WEBHOOK_MAX_ATTEMPTS:
                enqueue(delivery)
                requeued.append(delivery)
                continue
            delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
            delivery.error = (
                f"Not queued again: its task ended without finishing {len(failures)} times "
                f"(last: {failures[-1]}). See the worker's log."
            )
            delivery.save(update_fields=["status", "next_attempt_at", "error", "updated_at"])
            given_up.append(delivery)
    return requeued, given_up
