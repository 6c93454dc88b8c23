"""Delivering webhooks in the background, with retries, on the durable "webhooks" task backend."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from webhooks.delivery import encode, post
from webhooks.models import DeliveryStatus, WebhookDelivery


@task(backend="webhooks", queue_name="webhooks")
def deliver(delivery_id):
    """One attempt at a delivery; on failure, schedules the next with exponential backoff.

    The retry is a new task with `run_after`, not a sleeping worker: the schedule
    lives in the database, so a restart or a second worker picks it up.
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
    delivery.save()
    if delivery.status == DeliveryStatus.RETRYING:
        deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    return delivery.status


def retry_delay(attempt):
    """WEBHOOK_RETRY_BASE_DELAY after the first failure, doubling after each one (30 s, 1, 2, 4, 8 min...)."""
    return datetime.timedelta(seconds=settings.WEBHOOK_RETRY_BASE_DELAY * 2 ** (attempt - 1))


def enqueue_after_commit(delivery):
    """Queue the first attempt once the editor's transaction has committed.

    A rolled-back publish sends nothing, and the request that published never
    waits for a receiver.
    """
    transaction.on_commit(lambda: deliver.enqueue(delivery.pk))
