"""A real redis-server of the test's own, on a free port: to stop, pause, restart and bound it."""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis

from tests.cms.test_settings import DEV, settings_values


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self, directory, *args):
        self.directory = directory
        self.port = free_port()
        self.args = args
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=5)

    def start(self):
        command = [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.directory), *self.args]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                return self
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)

    def pause(self):
        """The server stops answering but keeps its data: what a hung or partitioned Redis looks like."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.process.pid, signal.SIGCONT)


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def redis_caches():
    """CACHES as the project's settings derive it from REDIS_URL, for a given server URL."""
    template = settings_values(DEV, ["CACHES"], REDIS_URL="redis://127.0.0.1:6399/0")["CACHES"]

    def caches(url):
        return {"default": {**template["default"], "LOCATION": url}}

    return caches
