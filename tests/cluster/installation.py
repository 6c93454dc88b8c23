"""An installation of two app servers, as production runs them, on servers of the test's own.

A PostgreSQL primary and its streaming replica, one Redis, an S3-compatible
object store and two gunicorn servers (production settings) sharing them,
with the demo content loaded. Everything listens on free loopback ports and
lives in a temporary folder; the shared services on the standard ports are
not touched.
"""

import os
import re
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass, field

import requests

from cms.env import BASE_DIR
from tests.cluster.postgres import PostgresPair
from tests.core.object_storage import ObjectStorageServer
from tests.core.redis_server import RedisServer, free_port

DATABASE = "a4b"


class AppServer:
    """One gunicorn app server of the installation."""

    def __init__(self, name, environment, log_dir):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_dir / f"{name}.log", "w")  # noqa: SIM115 - open for the server's lifetime
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi", "-b", f"127.0.0.1:{self.port}", "-w", "1", "--threads", "4"],
            cwd=BASE_DIR,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{self.url}/health/", timeout=10)
                return
            except (requests.ConnectionError, requests.Timeout):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise AssertionError(f"app server {name} did not start: see {self.log.name}") from None
                time.sleep(0.2)

    def get(self, path, **kwargs):
        return requests.get(self.url + path, timeout=30, **kwargs)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


class AdminSession:
    """A signed-in admin user on one app server.

    Production cookies are `Secure`, and the servers are reached over plain
    HTTP on loopback, so the session keeps its cookies itself rather than
    through a cookie jar that would withhold them.
    """

    def __init__(self, server, username, password):
        self.server = server
        self.cookies = {}
        self.request("GET", "/admin/login/")
        signed_in = self.request(
            "POST",
            "/admin/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": self.cookies["csrftoken"]},
        )
        assert signed_in.status_code == 302 and "/login/" not in signed_in.headers["Location"], signed_in.text[:500]

    def request(self, method, path, data=None):
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        if method == "POST":
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        response = requests.request(
            method, self.server.url + path, data=data, headers=headers, allow_redirects=False, timeout=30
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def publish(self, page_id):
        """Publish the page's latest draft through the admin's bulk action, as an editor would."""
        response = self.request("POST", f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", {})
        assert response.status_code == 302, response.status_code


@dataclass
class Installation:
    directory: object
    postgres: PostgresPair = None
    redis: RedisServer = None
    storage: ObjectStorageServer = None
    servers: dict = field(default_factory=dict)
    password: str = ""
    environment: dict = field(default_factory=dict)

    def start(self):
        """Start every part; if one fails, stop those already started (a fixture's teardown would not run)."""
        try:
            return self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self):
        self.postgres = PostgresPair().start()
        self.postgres.execute(f"CREATE DATABASE {DATABASE}")
        self.redis = RedisServer(self.directory, "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru").start()
        self.storage = ObjectStorageServer()
        self.environment = {
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": self.postgres.url(DATABASE),
            "DATABASE_REPLICA_URL": self.postgres.url(DATABASE, replica=True),
            "DATABASE_READ_HEADER": "true",
            "REDIS_URL": self.redis.url,
            "APP_NODES": "2",
            "API_THROTTLE_RATE": "100000/minute",
            "FRONTEND_PREVIEW_CHECK_TIMEOUT": "0",
            "STATIC_ROOT": str(self.directory / "static"),
            **self.storage.environment(),
        }
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        credentials = self.directory / "users.txt"
        self.manage("prepare_demo", "--credentials-file", str(credentials))
        self.password = re.search(r"Password[^:]*: (\S+)", credentials.read_text()).group(1)
        self.postgres.wait_for_replay()
        for name in ("a", "b"):
            self.servers[name] = AppServer(name, self.environment, self.directory)
        return self

    def manage(self, *args):
        """Run a management command as a third process of the installation would."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def save_draft(self, page_id, title):
        """An editor's unpublished change: a new revision with another title."""
        self.manage(
            "shell",
            "-c",
            "from wagtail.models import Page; "
            f"page = Page.objects.get(pk={page_id}).specific; page.title = {title!r}; page.save_revision()",
        )

    def stop(self):
        for server in self.servers.values():
            server.stop()
        for part in (self.storage, self.redis, self.postgres):
            if part is not None:
                part.stop()
