"""Delivering webhooks in the background, with retries, on the durable "webhooks" task backend."""

import datetime

from django.conf import settings
from django.db import router, transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from webhooks.delivery import encode, post
from webhooks.models import DeliveryStatus, WebhookDelivery

#: Deliveries nobody sends again: delivered, or given up (a person may still resend a failed one).
FINISHED = (DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED)

INACTIVE = "Not sent: the endpoint is inactive."


@task(backend="webhooks", queue_name="webhooks")
def deliver(delivery_id):
    """One attempt at a delivery; on failure, schedules the next with exponential backoff.

    The retry is a new task with `run_after`, not a sleeping worker: the schedule
    lives in the database, so a restart or a second worker picks it up. It is
    queued in the transaction that records the outcome, so a worker that dies
    between the two cannot leave a delivery "retrying" with nothing to retry it.
    A worker that dies during the POST leaves its lease behind, which
    `webhooks.recovery` turns into a retry once it runs out.
    """
    delivery = begin_attempt(delivery_id)
    if delivery is None:
        return None
    endpoint = delivery.endpoint
    attempted_at = timezone.now()
    try:
        outcome = post(
            endpoint.url,
            secret=endpoint.secret,
            body=encode(delivery.payload),
            event=delivery.event,
            delivery_id=delivery.pk,
        )
    except Exception:
        # A bug rather than a dead worker: the task fails with the exception, and the
        # delivery is left to `requeue_stranded`, which gives up after repeated crashes.
        # (A worker made to exit mid-attempt keeps the lease, which is reaped as a lost attempt.)
        WebhookDelivery.objects.filter(pk=delivery.pk, lease_expires_at=delivery.lease_expires_at).update(
            lease_expires_at=None
        )
        raise
    return record_attempt(delivery, outcome, attempted_at)


def lease_duration():
    """How long an attempt may hold its delivery: the POST (WEBHOOK_TIMEOUT at most), then as long again and 5 s
    to record the outcome, on a database that may be slow just then."""
    return datetime.timedelta(seconds=2 * settings.WEBHOOK_TIMEOUT + 5)


def begin_attempt(delivery_id):
    """Take the delivery's lease for one attempt, committed before anything is sent; None if it must not be sent.

    Not sent: a delivery that is gone or finished, one another attempt holds (it
    records its own outcome, or its lease runs out), and one whose endpoint has been
    deactivated since it was queued (marked failed, so a retry queued before the
    deactivation stops here, and an administrator can resend it later).
    """
    with transaction.atomic(using=router.db_for_write(WebhookDelivery)):
        delivery = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .select_related("endpoint")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.status in FINISHED:
            return None
        now = timezone.now()
        if delivery.lease_expires_at is not None and delivery.lease_expires_at > now:
            return None
        if not delivery.endpoint.is_active:
            delivery.status, delivery.next_attempt_at, delivery.lease_expires_at = DeliveryStatus.FAILED, None, None
            delivery.error = INACTIVE
            delivery.save(update_fields=["status", "next_attempt_at", "lease_expires_at", "error", "updated_at"])
            return None
        delivery.lease_expires_at = now + lease_duration()
        delivery.save(update_fields=["lease_expires_at", "updated_at"])
    return delivery


def record_attempt(delivery, outcome, attempted_at):
    """Record the attempt on the delivery as it is now, and queue the retry with it.

    The row is read again under a lock: if this attempt's lease ran out and another
    attempt took over (webhooks.recovery), that one decides what happens next, and
    this one only adds its line to the log (and a success, which is final).
    """
    with transaction.atomic(using=router.db_for_write(WebhookDelivery)):
        current = WebhookDelivery.objects.select_for_update().get(pk=delivery.pk)
        holds_lease = current.lease_expires_at == delivery.lease_expires_at
        attempt = current.attempts + 1
        current.attempts = attempt
        current.status_code = outcome.status_code
        current.latency_ms = outcome.latency_ms
        current.error = outcome.error
        current.attempt_log = [
            *current.attempt_log,
            {
                "attempt": attempt,
                "at": attempted_at.isoformat(),
                "status_code": outcome.status_code,
                "latency_ms": outcome.latency_ms,
                "error": outcome.error,
            },
        ]
        decides = current.status not in FINISHED and (outcome.ok or holds_lease)
        if decides and outcome.ok:
            current.status, current.next_attempt_at = DeliveryStatus.SUCCEEDED, None
        elif decides and (outcome.refused or attempt >= settings.WEBHOOK_MAX_ATTEMPTS):
            current.status, current.next_attempt_at = DeliveryStatus.FAILED, None
        elif decides:
            current.status = DeliveryStatus.RETRYING
            current.next_attempt_at = timezone.now() + retry_delay(attempt)
        if holds_lease:
            current.lease_expires_at = None
        current.save()
        if holds_lease and current.status == DeliveryStatus.RETRYING:
            enqueue(current, run_after=current.next_attempt_at)
    return current.status


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


def resend(delivery_id, *, by):
    """Queue a failed delivery again, with a fresh WEBHOOK_MAX_ATTEMPTS attempts; False if it has not failed.

    It keeps its id, so a receiver that did get it before (the failure being, say, a
    lost answer) sees the same X-A4B-Delivery and can ignore it. The log keeps the
    earlier attempts and notes who resent it.
    """
    with transaction.atomic(using=router.db_for_write(WebhookDelivery)):
        delivery = WebhookDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.FAILED:
            return False
        delivery.status, delivery.attempts, delivery.next_attempt_at = DeliveryStatus.PENDING, 0, None
        delivery.attempt_log = [
            *delivery.attempt_log,
            {"resent_by": by.get_username(), "at": timezone.now().isoformat()},
        ]
        delivery.save()
        enqueue(delivery)
    return True


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
