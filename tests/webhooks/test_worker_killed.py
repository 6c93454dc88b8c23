"""A real `manage.py db_worker`, killed with SIGKILL while the receiver holds its request: the other recovers it.

A transactional test (the workers are other processes, reading what the test
committed); the module puts back what the migrations made afterwards.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from urllib.parse import quote

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from cms.env import BASE_DIR
from webhooks.delivery import verify
from webhooks.models import WebhookDelivery
from webhooks.recovery import LOST, WORKER_LOST
from webhooks.tasks import queue_deliveries

pytestmark = pytest.mark.usefixtures("migrated_data_back")

WORKER_TIMEOUT = 3  # WEBHOOK_TIMEOUT in the workers: a lease of 2 × 3 + 5 = 11 s
TASKS, DELIVERIES = DBTaskResult._meta.db_table, WebhookDelivery._meta.db_table


class SharedDatabase:
    """The test database as other processes open it: PostgreSQL's own, or a file copy of SQLite's in-memory one."""

    def __init__(self, tmp_path):
        settings_dict = connection.settings_dict
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.path = tmp_path / "shared.sqlite3"
            with sqlite3.connect(self.path) as copy:
                connection.connection.backup(copy)
            self.url = f"sqlite:///{self.path}"
        else:
            credentials = quote(settings_dict["USER"] or "")
            if settings_dict["PASSWORD"]:
                credentials += ":" + quote(settings_dict["PASSWORD"])
            host = settings_dict["HOST"] or "127.0.0.1"
            port = settings_dict["PORT"] or 5432
            self.url = f"postgres://{credentials}@{host}:{port}/{settings_dict['NAME']}"

    def query(self, sql, params=()):
        if self.sqlite:
            with sqlite3.connect(self.path, timeout=30) as shared:
                return shared.execute(sql.replace("%s", "?"), params).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def bring_back(self):
        """On SQLite, what the workers wrote becomes the test's database again, for the ORM to read."""
        if self.sqlite:
            with sqlite3.connect(self.path) as shared:
                shared.backup(connection.connection)


def start_worker(database, worker_id):
    environment = {
        "PATH": os.environ["PATH"],
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database.url,
        "WEBHOOK_TIMEOUT": str(WORKER_TIMEOUT),
        "WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
    }
    command = [sys.executable, "manage.py", "db_worker", "--backend", "webhooks", "--queue-name", "webhooks"]
    command += ["--no-reload", "--no-startup-delay", "--interval", "0.2", "--reap-interval", "1"]
    command += ["--worker-id", worker_id]
    process = subprocess.Popen(
        command, cwd=BASE_DIR, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    for line in process.stdout:  # the worker logs this line once it polls the queue
        if "Starting worker" in line:
            return process
    raise AssertionError(f"worker {worker_id} did not start (exit code {process.wait()})")


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError(f"still waiting after {seconds} s")


def test_a_worker_killed_mid_post_is_recovered_by_the_other_worker_by_itself(
    transactional_db, endpoint, receiver, tmp_path, record_property
):
    """Two `manage.py db_worker` processes; the one sending is killed while the receiver holds the request.

    The other sends it again once the lease runs out, with no `requeue_webhooks`
    run by anyone; the receiver got it twice, with one X-A4B-Delivery id, and
    keeps one.
    """
    receiver.hold = threading.Event()
    hook = endpoint()
    database = SharedDatabase(tmp_path)
    workers = {}
    try:
        for worker_id in ("worker-a", "worker-b"):
            workers[worker_id] = start_worker(database, worker_id)
        (delivery,) = queue_deliveries([hook], event="test", payload={"event": "test"})
        if database.sqlite:
            # Queued in the in-memory database: copy it over for the workers (before they poll it again).
            database = SharedDatabase(tmp_path)
        assert receiver.arrived.wait(60), "no worker sent the delivery"
        ((worker_ids,),) = database.query(f"SELECT worker_ids FROM {TASKS} WHERE status = 'RUNNING'")
        (sending,) = json.loads(worker_ids) if isinstance(worker_ids, str) else worker_ids
        workers[sending].send_signal(signal.SIGKILL)
        workers[sending].wait(10)
        killed_at = time.monotonic()
        ((status, lease),) = database.query(
            f"SELECT status, lease_expires_at FROM {DELIVERIES} WHERE id = %s", [delivery.pk]
        )
        assert (status, lease is not None) == ("pending", True)  # stuck, as the probe found it
        receiver.hold.set()

        wait_for(
            lambda: database.query(f"SELECT status FROM {DELIVERIES} WHERE id = %s", [delivery.pk]) == [("succeeded",)],
            60,
        )
        recovered_in = time.monotonic() - killed_at
    finally:
        for process in workers.values():
            if process.poll() is None:
                process.terminate()
                process.wait(10)
    database.bring_back()

    record_property(
        "summary", f"webhooks: worker killed mid-POST, delivered again by the other in {recovered_in:.1f} s"
    )
    assert recovered_in <= lease_duration_in_workers() + 5
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert [entry["error"] for entry in delivery.attempt_log] == [LOST, ""]
    tasks = DBTaskResult.objects.order_by("enqueued_at")
    assert [(task.status, task.exception_class_path) for task in tasks] == [
        ("FAILED", WORKER_LOST),
        ("SUCCESSFUL", ""),
    ]
    survivor = next(worker_id for worker_id in workers if worker_id != sending)
    assert tasks[1].worker_ids == [survivor]

    first, second = receiver.requests
    assert first["headers"]["X-A4B-Delivery"] == second["headers"]["X-A4B-Delivery"] == str(delivery.pk)
    for request in (first, second):
        headers = request["headers"]
        assert verify("s3cret", request["body"], headers["X-A4B-Signature"], headers["X-A4B-Timestamp"])
    processed, seen = [], set()
    for request in receiver.requests:  # what the README tells receivers to do
        if request["headers"]["X-A4B-Delivery"] not in seen:
            seen.add(request["headers"]["X-A4B-Delivery"])
            processed.append(json.loads(request["body"]))
    assert processed == [{"event": "test"}]


def lease_duration_in_workers():
    return 2 * WORKER_TIMEOUT + 5
