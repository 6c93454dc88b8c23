"""Delivering webhooks in the background, with retries, on the durable "webhooks" task backend."""

import datetime

from django.conf import settings
from django.db import router, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from webhooks.delivery import encode, post
from webhooks.models import DeliveryStatus, WebhookDelivery


@task(backend="webhooks", queue_name="webhooks")
def deliver(delivery_id):
    """One attempt at a delivery; on failure, schedules the next with exponential backoff.

    The retry is a new task with `run_after`, not a sleeping worker: the schedule
    lives in the database, so a restart or a second worker picks it up. It is
    queued in the transaction that records the outcome, so a worker that dies
    between the two cannot leave a delivery "retrying" with nothing to retry it.
    """
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED):
        return None
    endpoint = delivery.endpoint
    attempt = delivery.attempts + 1
    attempted_at = timezone.now()
    outcome = post(
        endpoint.url,
        secret=endpoint.secret,
        body=encode(delivery.payload),
        event=delivery.event,
        delivery_id=delivery.pk,
    )
    delivery.attempts = attempt
    delivery.status_code = outcome.status_code
    delivery.latency_ms = outcome.latency_ms
    delivery.error = outcome.error
    delivery.attempt_log = [
        *delivery.attempt_log,
        {
            "attempt": attempt,
            "at": attempted_at.isoformat(),
            "status_code": outcome.status_code,
            "latency_ms": outcome.latency_ms,
            "error": outcome.error,
        },
    ]
    if outcome.ok:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.SUCCEEDED, None
    elif attempt >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = timezone.now() + retry_delay(attempt)
    with transaction.atomic(using=router.db_for_write(WebhookDelivery)):
        delivery.save()
        if delivery.status == DeliveryStatus.RETRYING:
            enqueue(delivery, run_after=delivery.next_attempt_at)
    return delivery.status


def retry_delay(attempt):
    """WEBHOOK_RETRY_BASE_DELAY after the first failure, doubling after each one (30 s, 1, 2, 4, 8 min...)."""
    return datetime.timedelta(seconds=settings.WEBHOOK_RETRY_BASE_DELAY * 2 ** (attempt - 1))


def queue_deliveries(endpoints, *, event, payload):
    """Record one delivery of `payload` per endpoint and queue its first attempt, all in one transaction.

    Called in the editor's transaction (a savepoint inside it), so a rolled-back
    publish leaves neither deliveries nor tasks.
    """
    with transaction.atomic(using=router.db_for_write(WebhookDelivery)):
        deliveries = [
            WebhookDelivery.objects.create(endpoint=endpoint, event=event, payload=payload) for endpoint in endpoints
        ]
        for delivery in deliveries:
            enqueue(delivery)
    return deliveries


def tasks_share_the_deliveries_database():
    """Whether the webhooks backend stores its tasks as rows in the database the deliveries are written to.

    django_tasks_db writes a task with `DBTaskResult.objects.create()`, so to the
    database the router picks for DBTaskResult ("default" without routers).
    """
    same_database = router.db_for_write(DBTaskResult) == router.db_for_write(WebhookDelivery)
    return isinstance(deliver.get_backend(), DatabaseBackend) and same_database


def enqueue(delivery, run_after=None):
    """Queue an attempt at `delivery` so that the task exists exactly when the delivery's row does.

    On the database backend sharing the deliveries' database, the task is a row
    written in the caller's transaction: it commits or rolls back with the
    delivery, and a worker cannot see it before the commit. Queueing it in
    `on_commit` instead would lose it if the process died between the commit and
    the callback, leaving the delivery pending forever. Any other backend could
    see (or, if immediate, run) a task before the commit, or keep it when the
    transaction rolls back, so there it is still queued once the commit is done.
    """
    attempt = deliver if run_after is None else deliver.using(run_after=run_after)
    if tasks_share_the_deliveries_database():
        attempt.enqueue(delivery.pk)
    else:
        transaction.on_commit(lambda: attempt.enqueue(delivery.pk), using=router.db_for_write(WebhookDelivery))


def requeue_stranded(grace):
    """Queue an attempt for every unfinished delivery overdue by more than `grace` with no live task.

    A safety net for deliveries left without a task: recorded before tasks were
    queued in the same transaction, or whose worker was killed during an attempt
    (its task stays "running" for good). A task counts as live while it is ready
    or has been running for less than `grace`: one attempt takes at most
    WEBHOOK_TIMEOUT, so the caller keeps `grace` well above it. Running it again
    changes nothing, as every delivery it queued now has a ready task.

    A delivery whose tasks already crashed (raised, rather than meeting a
    receiver's error, which `deliver` records as an attempt) or died
    WEBHOOK_MAX_ATTEMPTS times is marked failed instead: it would most likely
    crash again, and queueing it from every run would go on for ever.
    Returns (queued again, given up).
    """
    now = timezone.now()
    backend = deliver.get_backend()
    with transaction.atomic(using=router.db_for_write(WebhookDelivery)):
        # Lock the deliveries before reading the queue: a second run waits here until the
        # first commits, and then sees the tasks the first one queued.
        overdue = list(
            WebhookDelivery.objects.select_for_update()
            .filter(status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING])
            .alias(due=Coalesce("next_attempt_at", "created_at"))
            .filter(due__lt=now - grace)
            .order_by("pk")
        )
        tasks = DBTaskResult.objects.filter(backend_name=backend.alias, task_path=deliver.module_path)
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
