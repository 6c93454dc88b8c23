"""Deliveries reach a real receiver signed, are retried with backoff, and never hold up a publish."""

import datetime
import hashlib
import hmac
import signal
import socket
import threading
import time
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import is_locked_database_exception

from practices.factories import PracticePageFactory
from tests.webhooks.conftest import IMMEDIATE_WEBHOOKS, pending_tasks, run_worker
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tasks import INACTIVE, deliver, queue_deliveries


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


@pytest.fixture
def practice(shared_site_tree):
    return PracticePageFactory(parent=shared_site_tree.practices, title="Wspólny bilet", slug="wspolny-bilet")


def test_publish_is_delivered_signed_with_the_endpoint_secret(
    practice, endpoint, receiver, django_capture_on_commit_callbacks
):
    endpoint()
    publish(practice, django_capture_on_commit_callbacks)

    assert receiver.requests == []  # nothing is sent before the worker runs
    assert run_worker() == 1

    (request,) = receiver.requests
    timestamp = request["headers"]["X-A4B-Timestamp"]
    signed = timestamp.encode() + b"." + request["body"]
    expected = "sha256=" + hmac.new(b"s3cret", signed, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request["headers"]["X-A4B-Signature"], expected)
    assert request["headers"]["X-A4B-Event"] == "publish"
    assert abs(int(timestamp) - time.time()) < 60
    (payload,) = receiver.payloads()
    assert payload["event"] == "publish"
    assert payload["type"] == "practice"
    assert payload["id"] == practice.pk
    assert payload["locale"] == "pl"
    assert payload["path"] == "/dobre-praktyki/wspolny-bilet/"
    assert payload["api_url"] == f"http://testserver/api/v2/practices/{practice.pk}/"
    assert payload["translations"] == []
    assert payload["timestamp"].endswith("Z")
    datetime.datetime.fromisoformat(payload["timestamp"])
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert (delivery.attempts, delivery.status_code, delivery.error) == (1, 200, "")
    assert delivery.latency_ms is not None
    assert request["headers"]["X-A4B-Delivery"] == str(delivery.pk)


def test_failures_are_retried_with_exponential_backoff_and_every_attempt_recorded(
    practice, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_RETRY_BASE_DELAY = 30
    endpoint()
    receiver.statuses.extend([500, 503])
    publish(practice, django_capture_on_commit_callbacks)
    start = timezone.now()

    run_worker(at=start)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.RETRYING, 1, 500)
    assert delivery.next_attempt_at == start + datetime.timedelta(seconds=30)
    assert run_worker(at=start + datetime.timedelta(seconds=29)) == 0  # not due yet

    run_worker(at=start + datetime.timedelta(seconds=30))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.RETRYING, 2, 503)
    second = start + datetime.timedelta(seconds=30)
    assert delivery.next_attempt_at == second + datetime.timedelta(seconds=60)  # doubled

    run_worker(at=second + datetime.timedelta(seconds=60))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.SUCCEEDED, 3, 200)
    assert [entry["status_code"] for entry in delivery.attempt_log] == [500, 503, 200]
    assert [entry["error"] for entry in delivery.attempt_log] == [
        "HTTP 500 Internal Server Error",
        "HTTP 503 Service Unavailable",
        "",
    ]
    assert len(receiver.requests) == 3
    assert len({request["body"] for request in receiver.requests}) == 1  # the same signed body every time


def test_a_timeout_is_recorded_and_retried(practice, endpoint, receiver, settings, django_capture_on_commit_callbacks):
    settings.WEBHOOK_TIMEOUT = 0.3
    endpoint()
    receiver.delay = 1.0
    publish(practice, django_capture_on_commit_callbacks)

    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.status_code is None
    assert "timed out" in delivery.error.lower()
    assert delivery.latency_ms >= 300

    receiver.delay = 0
    run_worker(at=delivery.next_attempt_at)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SUCCEEDED, 2)


def test_nothing_is_lost_while_the_receiver_is_down(
    shared_site_tree, endpoint, receiver, django_capture_on_commit_callbacks
):
    endpoint()
    receiver.stop()
    pages = [PracticePageFactory(parent=shared_site_tree.practices) for _ in range(3)]
    for page in pages:
        publish(page, django_capture_on_commit_callbacks)

    now = timezone.now()
    for minutes in (0, 1, 3):
        run_worker(at=now + datetime.timedelta(minutes=minutes))
    deliveries = list(WebhookDelivery.objects.all())
    assert {delivery.status for delivery in deliveries} == {DeliveryStatus.RETRYING}
    assert all("refused" in delivery.error.lower() for delivery in deliveries)
    assert pending_tasks() == 3

    receiver.start()  # back on the same port
    run_worker(at=now + datetime.timedelta(hours=1))

    assert {delivery.status for delivery in WebhookDelivery.objects.all()} == {DeliveryStatus.SUCCEEDED}
    assert sorted(payload["id"] for payload in receiver.payloads()) == sorted(page.pk for page in pages)
    assert pending_tasks() == 0


def test_gives_up_after_the_configured_attempts(
    practice, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    endpoint()
    receiver.statuses.extend([500] * 5)
    publish(practice, django_capture_on_commit_callbacks)

    run_worker()
    run_worker(at=timezone.now() + datetime.timedelta(days=1))

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.FAILED, 2, None)
    assert pending_tasks() == 0
    assert len(receiver.requests) == 2


def test_a_redirect_is_a_failure_not_a_delivery(practice, endpoint, receiver, django_capture_on_commit_callbacks):
    endpoint()
    receiver.statuses.append(302)
    publish(practice, django_capture_on_commit_callbacks)

    run_worker()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.status_code) == (DeliveryStatus.RETRYING, 302)


def test_a_slow_receiver_never_blocks_the_publish(
    practice, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_TIMEOUT = 5
    receiver.delay = 2.0
    endpoint()

    started = time.monotonic()
    publish(practice, django_capture_on_commit_callbacks)
    assert time.monotonic() - started < receiver.delay
    assert receiver.requests == []
    assert WebhookDelivery.objects.get().status == DeliveryStatus.PENDING

    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.latency_ms >= 2000


def test_the_first_attempt_is_queued_with_the_publish_not_after_it(
    practice, endpoint, receiver, django_capture_on_commit_callbacks
):
    """A process that dies right after the editor's commit never runs its on-commit callbacks.

    So the task must not wait for them: here they are never run, as in that crash.
    """
    endpoint()

    with django_capture_on_commit_callbacks(execute=False):
        practice.save_revision().publish()

    assert pending_tasks() == 1
    assert run_worker() == 1
    assert [payload["id"] for payload in receiver.payloads()] == [practice.pk]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED


class RolledBack(Exception):
    pass


def test_a_rolled_back_publish_queues_and_sends_nothing(practice, endpoint, receiver):
    endpoint()

    with pytest.raises(RolledBack), transaction.atomic():
        practice.save_revision().publish()
        assert pending_tasks() == 1
        raise RolledBack

    assert not WebhookDelivery.objects.exists()
    assert pending_tasks() == 0
    assert run_worker() == 0
    assert receiver.requests == []


def ready_tasks_seen_by_another_connection():
    """How many ready webhook tasks a worker's own connection sees now.

    PostgreSQL shows it the committed rows only. SQLite's shared in-memory test
    database refuses the read while another connection holds uncommitted writes to
    the table ("database table is locked"), which the worker's loop treats as
    "no task this time"; so does this.
    """
    seen = []

    def look():
        try:
            seen.append(DBTaskResult.objects.ready().filter(backend_name="webhooks").count())
        except OperationalError as error:
            assert is_locked_database_exception(error), error
            seen.append(0)
        finally:
            connection.close()

    thread = threading.Thread(target=look)
    thread.start()
    thread.join()
    return seen[0]


def test_a_worker_cannot_see_the_task_before_the_publish_commits(practice, endpoint):
    """The test's transaction never commits: the task is written, and only this connection can see it."""
    endpoint()

    practice.save_revision().publish()

    assert pending_tasks() == 1
    assert ready_tasks_seen_by_another_connection() == 0


def test_a_backend_outside_the_database_is_still_queued_after_the_commit(
    practice, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    """An immediate (or any non-database) backend would send before the commit, or after a rollback."""
    settings.TASKS = IMMEDIATE_WEBHOOKS
    endpoint()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        practice.save_revision().publish()
    assert receiver.requests == []
    assert WebhookDelivery.objects.get().status == DeliveryStatus.PENDING

    for callback in callbacks:
        callback()
    assert [payload["id"] for payload in receiver.payloads()] == [practice.pk]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED
    assert not DBTaskResult.objects.exists()


def test_a_retry_is_recorded_together_with_its_task_or_not_at_all(endpoint, receiver):
    """A worker that fails between recording a failed attempt and queueing the retry leaves the delivery as it was.

    It is then still pending with its due time passed, which `requeue_webhooks`
    picks up, instead of "retrying" with nothing queued to retry it.
    """
    receiver.statuses.append(500)
    delivery = WebhookDelivery.objects.create(endpoint=endpoint(), event="test", payload={"event": "test"})
    deliver.enqueue(delivery.pk)

    with mock.patch.object(DatabaseBackend, "enqueue", side_effect=RuntimeError("worker killed")):
        run_worker()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.PENDING, 0, None)
    assert DBTaskResult.objects.get().status == "FAILED"


@contextmanager
def own_signal_handlers():
    """The worker installs its own SIGINT/SIGTERM handlers; give the test process its own back."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def test_the_db_worker_command_delivers_what_was_queued_before_it_started(endpoint, receiver):
    """Queued deliveries are rows in the database: a worker started later (or restarted) sends them.

    The command's periodic connection check would end the test's transaction, so it is
    switched off here; everything else is the real `manage.py db_worker --batch`.
    """
    delivery = WebhookDelivery.objects.create(endpoint=endpoint(), event="test", payload={"event": "test"})
    deliver.enqueue(delivery.pk)

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"), own_signal_handlers():
        call_command(
            "db_worker",
            "--batch",
            "--backend",
            "webhooks",
            "--queue-name",
            "webhooks",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )

    delivery.refresh_from_db()
    assert (delivery.status, delivery.status_code) == (DeliveryStatus.SUCCEEDED, 200)
    assert receiver.payloads() == [{"event": "test"}]


def test_deactivating_the_endpoint_stops_the_retries_already_queued(endpoint, receiver):
    receiver.statuses.append(500)
    hook = endpoint()
    (delivery,) = queue_deliveries([hook], event="test", payload={"event": "test"})
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, pending_tasks()) == (DeliveryStatus.RETRYING, 1)

    hook.is_active = False
    hook.save()
    run_worker(at=delivery.next_attempt_at)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == (DeliveryStatus.FAILED, 1, INACTIVE)
    assert len(receiver.requests) == 1
    assert pending_tasks() == 0


def test_an_attempt_takes_at_most_the_timeout_however_slowly_the_receiver_answers(endpoint, settings):
    """A socket timeout bounds each read; a receiver dripping a byte at a time must not hold the worker longer."""
    settings.WEBHOOK_TIMEOUT = 1
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def drip():
        client, _address = server.accept()
        with client:
            client.recv(65536)
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100:
                if stop.wait(0.1):
                    return
                try:
                    client.sendall(bytes([byte]))
                except OSError:
                    return

    threading.Thread(target=drip, daemon=True).start()
    hook = endpoint(url=f"http://127.0.0.1:{server.getsockname()[1]}/hook")
    (delivery,) = queue_deliveries([hook], event="test", payload={"event": "test"})
    try:
        run_worker()
    finally:
        stop.set()
        server.close()

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.RETRYING
    assert "timed out" in delivery.error
    assert 1000 <= delivery.latency_ms < 2000
