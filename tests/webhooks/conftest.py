"""A real HTTP receiver on 127.0.0.1, and the webhook worker run in-process."""

import json
import threading
import time
from collections import deque
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import pytest
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from webhooks.models import WebhookEndpoint

#: TASKS with webhooks on an immediate backend: what the code must still handle if someone configures it.
IMMEDIATE_WEBHOOKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["webhooks"]},
}


class _Server(ThreadingHTTPServer):
    # A handler still sleeping (a "slow receiver") must not hold up stopping the server.
    block_on_close = False

    def handle_error(self, request, client_address):
        """The client gave up (timeout): nothing to report."""


class Receiver:
    """Records every request; answers with the queued status codes (then 200), after `delay` seconds."""

    def __init__(self, host="127.0.0.1", port=0, tls=None):
        self.requests = []
        self.statuses = deque()
        self.delay = 0.0
        #: Set: each request waits until it is set (or 60 s), e.g. while its worker is killed.
        self.hold = None
        #: A Location header to send with every answer (a redirect, with a 3xx status).
        self.location = None
        self.arrived = threading.Event()
        self.host = host
        self.port = port
        #: A server-side ssl.SSLContext: HTTPS instead of HTTP.
        self.tls = tls
        self.server = None

    @property
    def url(self):
        return f"http://{self.host}:{self.port}/hook"

    def start(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                receiver.arrived.set()
                if receiver.hold is not None:
                    receiver.hold.wait(60)
                time.sleep(receiver.delay)
                status = receiver.statuses.popleft() if receiver.statuses else 200
                self.send_response(status)
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = _Server((self.host, self.port), Handler)
        if self.tls is not None:
            self.server.socket = self.tls.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def payloads(self):
        return [json.loads(request["body"]) for request in self.requests]


@pytest.fixture(autouse=True)
def loopback_receivers_allowed(settings):
    """The receivers here listen on 127.0.0.1, which production refuses (tests/webhooks/test_targets.py)."""
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]


@pytest.fixture
def receiver():
    receiver = Receiver().start()
    yield receiver
    if receiver.server is not None:
        receiver.stop()


@pytest.fixture
def endpoint(db, receiver):
    def make(**fields):
        fields = {"name": "Frontend", "url": receiver.url, "secret": "s3cret", "events": ["publish"], **fields}
        locales = fields.pop("locales", [])
        created = WebhookEndpoint.objects.create(**fields)
        created.locales.set(locales)
        return created

    return make


def run_worker(at=None):
    """Run every due webhook task, as `manage.py db_worker --batch` does, at time `at` (default: now).

    The worker's own loop closes "stale" connections between tasks, which would
    end the test's transaction; this runs the same claim-and-run steps without it.
    Returns how many tasks ran.
    """
    worker = Worker(
        queue_names=["webhooks"],
        interval=0,
        batch=True,
        backend_name="webhooks",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    with at_time(at):
        while True:
            task_result = DBTaskResult.objects.ready().filter(backend_name="webhooks").order_by("enqueued_at").first()
            if task_result is None:
                return ran
            task_result.claim(worker.worker_id)
            worker.run_task(task_result)
            ran += 1


@contextmanager
def at_time(moment):
    if moment is None:
        yield
        return
    with mock.patch.object(timezone, "now", return_value=moment):
        yield


def pending_tasks():
    return DBTaskResult.objects.filter(backend_name="webhooks", status="READY").count()
