"""Redis under Sentinel (cms/settings/caches.py): the content version survives the master's failure.

A master, its replica and a Sentinel of the test's own (redis-server, on free
ports). The portal reaches the master by its Sentinel name; when the master is
killed, Sentinel promotes the replica and the portal finds it there, with the
content version that was current before, so no answer is served as current
for a version that never was, and nothing is rebuilt for nothing.
"""

import os
import shutil
import signal
import subprocess
import time

import pytest
import redis
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from cms.settings.caches import cache_settings, sentinel_addresses
from core import caches as fail_soft
from core.api.cache import VERSION_KEY, content_version
from tests.core.redis_server import RedisServer, free_port

MASTER_NAME = "a4b"


class SentinelServer:
    def __init__(self, directory, master_port):
        self.port = free_port()
        config = directory / "sentinel.conf"
        config.write_text(
            f"port {self.port}\nbind 127.0.0.1\ndir {directory}\n"
            f"sentinel monitor {MASTER_NAME} 127.0.0.1 {master_port} 1\n"
            f"sentinel down-after-milliseconds {MASTER_NAME} 300\n"
            f"sentinel failover-timeout {MASTER_NAME} 3000\n"
        )
        command = [shutil.which("redis-server"), str(config), "--sentinel"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.client = redis.Redis(port=self.port, socket_timeout=5)
        until(lambda: self.client.ping(), errors=(redis.ConnectionError,))

    def master_port(self):
        return int(self.client.execute_command("SENTINEL", "get-master-addr-by-name", MASTER_NAME)[1])

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def until(condition, timeout=20, errors=()):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except errors:
            pass
        if time.monotonic() > deadline:
            raise AssertionError("not reached in time")
        time.sleep(0.1)


@pytest.fixture
def sentinel_setup(tmp_path):
    directories = [tmp_path / name for name in ("master", "replica", "sentinel")]
    for directory in directories:
        directory.mkdir()
    master = RedisServer(directories[0]).start()
    replica = RedisServer(directories[1], "--replicaof", "127.0.0.1", str(master.port)).start()
    until(lambda: replica.client().info("replication")["master_link_status"] == "up")
    sentinel = SentinelServer(directories[2], master.port)
    until(lambda: sentinel.client.execute_command("SENTINEL", "replicas", MASTER_NAME))
    yield master, replica, sentinel
    sentinel.stop()
    replica.stop()
    master.stop()


@pytest.fixture(autouse=True)
def fresh_circuit():
    fail_soft.outage.down_until = None
    yield
    fail_soft.outage.down_until = None


def environment(**values):
    defaults = {"REDIS_URL": "", "REDIS_SENTINELS": [], "APP_NODES": 1, "FILE_CACHE_DIR": "/tmp", "DATABASE_URL": ""}
    merged = {**defaults, **values}

    def read(name):
        return merged[name]

    read.cache_url = lambda name, backend: {"BACKEND": backend, "LOCATION": merged[name]}
    return read


def test_the_version_survives_the_masters_failure(sentinel_setup, settings):
    master, replica, sentinel = sentinel_setup
    settings.CACHES = cache_settings(
        environment(REDIS_URL=f"redis://{MASTER_NAME}/0", REDIS_SENTINELS=[f"127.0.0.1:{sentinel.port}"])
    )
    version = content_version()
    assert master.client().exists(f":1:{VERSION_KEY}")
    assert master.client().wait(1, 5000) == 1  # the replica holds it too before the master goes
    assert replica.client().exists(f":1:{VERSION_KEY}")

    os.kill(master.process.pid, signal.SIGKILL)
    until(lambda: sentinel.master_port() == replica.port)
    until(lambda: replica.client().info("replication")["role"] == "master")

    # The portal's pooled connections to the old master fail once and are made again to the master
    # Sentinel names now (the fail-soft cache misses meanwhile, for RETRY_AFTER seconds at most).
    client = caches.create_connection("default").client
    until(lambda: client.get(VERSION_KEY) is not None, errors=fail_soft.FAULTS)
    assert client.get(VERSION_KEY) == version
    client.set("a4b:test:after-failover", "written", timeout=60)
    assert replica.client().exists(":1:a4b:test:after-failover")


def test_sentinel_addresses_and_their_mistakes():
    assert sentinel_addresses(["10.0.0.1:26380", "sentinel-b"]) == [("10.0.0.1", 26380), ("sentinel-b", 26379)]
    with pytest.raises(ImproperlyConfigured, match="host:port"):
        sentinel_addresses(["10.0.0.1:port"])


def test_several_app_nodes_need_redis():
    with pytest.raises(ImproperlyConfigured, match="APP_NODES"):
        cache_settings(environment(APP_NODES=2))
    assert cache_settings(environment(APP_NODES=2, REDIS_URL="redis://127.0.0.1:6379/0"))
