"""A delivery whose worker died mid-attempt is sent again by the workers themselves, once its lease runs out."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.webhooks.conftest import at_time as at
from tests.webhooks.conftest import pending_tasks, run_worker
from webhooks.delivery import Outcome
from webhooks.models import DeliveryStatus
from webhooks.recovery import LOST, WORKER_LOST, reap
from webhooks.tasks import begin_attempt, deliver, lease_duration, queue_deliveries, record_attempt


def claim_and_die(delivery):
    """What a worker killed during the POST leaves: its task running, the delivery leased, nothing recorded."""
    DBTaskResult.objects.get(args_kwargs__args=[delivery.pk], status="READY").claim("killed-worker")
    return begin_attempt(delivery.pk)


def after_the_lease(moment=None):
    return (moment or timezone.now()) + lease_duration() + datetime.timedelta(seconds=1)


@pytest.fixture
def queued(endpoint):
    def make():
        (delivery,) = queue_deliveries([endpoint()], event="test", payload={"event": "test"})
        return delivery

    return make


def test_a_lost_attempt_is_counted_and_sent_again_at_once(queued, receiver):
    delivery = queued()
    claim_and_die(delivery)

    with at(after_the_lease()):
        lost, requeued, given_up = reap()
        assert run_worker() == 1

    assert ([d.pk for d in lost], requeued, given_up) == ([delivery.pk], [], [])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.lease_expires_at) == (DeliveryStatus.SUCCEEDED, 2, None)
    assert [entry["error"] for entry in delivery.attempt_log] == [LOST, ""]
    dead, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert (dead.status, dead.exception_class_path) == ("FAILED", WORKER_LOST)
    assert retry.status == "SUCCESSFUL"
    assert len(receiver.requests) == 1


def test_an_attempt_within_its_lease_is_left_alone(queued, receiver):
    """Not reaped, and a second task for the same delivery does not send it alongside."""
    delivery = queued()
    claim_and_die(delivery)
    deliver.enqueue(delivery.pk)

    assert reap() == ([], [], [])
    assert run_worker() == 1
    assert receiver.requests == []
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 1


def test_a_delivery_that_keeps_losing_its_worker_fails_after_the_attempts(queued, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    delivery = queued()
    now = timezone.now()

    for _attempt in range(2):
        with at(now):
            claim_and_die(delivery)
        now = after_the_lease(now)
        with at(now):
            reap()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == (DeliveryStatus.FAILED, 2, LOST)
    assert pending_tasks() == 0
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()


def test_an_attempt_that_outlived_its_lease_does_not_start_a_second_chain_of_retries(queued, receiver):
    """Its worker was only slow; the reaper has already queued the next attempt, which decides what follows."""
    delivery = queued()
    slow = claim_and_die(delivery)
    with at(after_the_lease()):
        reap()

    record_attempt(slow, Outcome(status_code=500, latency_ms=1, error="HTTP 500"), timezone.now())

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.RETRYING, 2)
    assert pending_tasks() == 1
