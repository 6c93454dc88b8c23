"""`requeue_webhooks` queues deliveries left without a task, and nothing else, however often it runs."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.webhooks.conftest import IMMEDIATE_WEBHOOKS, pending_tasks, run_worker
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tasks import deliver

AGO = datetime.timedelta(minutes=11)  # past the default grace of 10 minutes


def requeue(*args):
    out = StringIO()
    call_command("requeue_webhooks", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def delivery(endpoint):
    """A delivery recorded `age` ago, as the worker would find it, with no task unless asked."""

    def make(age=AGO, *, queued=False, **fields):
        created = WebhookDelivery.objects.create(endpoint=endpoint(), event="test", payload={"event": "test"}, **fields)
        WebhookDelivery.objects.filter(pk=created.pk).update(created_at=timezone.now() - age)
        if queued:
            deliver.enqueue(created.pk)
        return created

    return make


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"status": DeliveryStatus.RETRYING, "attempts": 1, "next_attempt_at": timezone.now() - AGO},
    ],
    ids=["pending", "retrying"],
)
def test_a_stranded_delivery_is_queued_again_and_delivered(delivery, receiver, fields):
    stranded = delivery(**fields)

    output = requeue()

    assert pending_tasks() == 1
    assert str(stranded.pk) in output
    assert run_worker() == 1
    assert receiver.payloads() == [{"event": "test"}]
    stranded.refresh_from_db()
    assert stranded.status == DeliveryStatus.SUCCEEDED


def test_running_it_again_queues_nothing_more(delivery):
    delivery()

    requeue()
    second = requeue()

    assert pending_tasks() == 1
    assert second == ""


def test_deliveries_that_are_queued_recent_scheduled_or_finished_are_left_alone(delivery):
    delivery(queued=True)
    delivery(age=datetime.timedelta(minutes=9))
    delivery(status=DeliveryStatus.RETRYING, attempts=1, next_attempt_at=timezone.now() + datetime.timedelta(hours=1))
    delivery(status=DeliveryStatus.RETRYING, attempts=1, next_attempt_at=timezone.now() - datetime.timedelta(minutes=9))
    delivery(status=DeliveryStatus.SUCCEEDED, attempts=1)
    delivery(status=DeliveryStatus.FAILED, attempts=6)
    running = delivery(queued=True)
    DBTaskResult.objects.get(args_kwargs__args=[running.pk]).claim("busy-worker")

    assert requeue() == ""
    assert pending_tasks() == 1


def test_a_delivery_whose_worker_died_during_an_attempt_is_queued_again(delivery):
    """A killed worker's task stays "running" for good; one running for longer than the grace period is dead."""
    abandoned = delivery(queued=True)
    task = DBTaskResult.objects.get()
    task.claim("killed-worker")
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - AGO)

    assert str(abandoned.pk) in requeue()
    assert pending_tasks() == 1


def test_the_grace_period_is_an_option(delivery):
    delivery(age=datetime.timedelta(minutes=3))

    assert requeue() == ""
    requeue("--grace", "120")
    assert pending_tasks() == 1


def test_the_deliveries_are_locked_before_the_queue_is_read(delivery):
    """So a second run started meanwhile waits for the first to commit, then sees the tasks it queued."""
    delivery()

    with CaptureQueriesContext(connection) as queries:
        requeue()

    selects = [query["sql"] for query in queries if query["sql"].startswith("SELECT")]
    lock = next(index for index, sql in enumerate(selects) if "webhooks_webhookdelivery" in sql)
    queue = next(index for index, sql in enumerate(selects) if "dbtaskresult" in sql)
    assert lock < queue
    if connection.features.has_select_for_update:
        assert "FOR UPDATE" in selects[lock]


def test_a_grace_period_shorter_than_an_attempt_is_refused(settings):
    settings.WEBHOOK_TIMEOUT = 10

    with pytest.raises(CommandError, match="WEBHOOK_TIMEOUT"):
        requeue("--grace", "10")


def test_only_the_database_backend_can_be_checked(settings, delivery):
    settings.TASKS = IMMEDIATE_WEBHOOKS
    delivery()

    with pytest.raises(CommandError, match="DatabaseBackend"):
        requeue()
    assert not DBTaskResult.objects.exists()


def test_a_delivery_whose_task_keeps_crashing_is_marked_failed_not_queued_for_ever(delivery, settings, monkeypatch):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    crashing = delivery()

    def crash(payload):
        raise ValueError("payload cannot be encoded")

    monkeypatch.setattr("webhooks.tasks.encode", crash)
    outputs = []
    for _run in range(3):
        outputs.append(requeue())
        run_worker()

    assert str(crashing.pk) in outputs[0] and str(crashing.pk) in outputs[1]
    assert "Marked 1 webhook deliveries failed" in outputs[2]
    assert DBTaskResult.objects.filter(status="FAILED").count() == 2
    assert pending_tasks() == 0
    crashing.refresh_from_db()
    assert crashing.status == DeliveryStatus.FAILED
    assert "2 times" in crashing.error and "ValueError" in crashing.error
    assert requeue() == ""
