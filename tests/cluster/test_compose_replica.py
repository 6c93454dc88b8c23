"""docker-compose's `replica` profile: its two scripts make a working streaming replica (deploy/postgres/).

No Docker daemon here, so the scripts run as the postgres image runs them: the
primary's init script against a fresh primary whose pg_hba.conf is the image's
(any host may connect to any database with a password, no replication line),
then the replica's entrypoint on an empty data folder.
"""

import os
import pwd
import subprocess
import time

import psycopg2
import pytest

from cms.env import BASE_DIR
from tests.cluster.postgres import PostgresPair, postgres_bin

SCRIPTS = BASE_DIR / "deploy" / "postgres"
PASSWORD = "replication-test"

pytestmark = pytest.mark.skipif(
    postgres_bin() is None and not os.environ.get("A4B_REQUIRE_CLUSTER"),
    reason="the PostgreSQL server binaries (initdb, pg_basebackup) are not installed",
)


class ComposeReplica(PostgresPair):
    """The primary as the postgres image sets it up, and the replica started by the compose profile's entrypoint."""

    #: What the postgres image leaves in pg_hba.conf for clients on other hosts when a password is set.
    IMAGE_HBA = "local all all trust\nhost all all all scram-sha-256\n"

    def environment(self):
        return {
            "PATH": f"{self.bin}:{os.environ['PATH']}",
            "PGHOST": str(self.directory),
            "PGPORT": str(self.primary_port),
            "POSTGRES_USER": "postgres",
            "POSTGRES_DB": "postgres",
            "REPLICATION_PASSWORD": PASSWORD,
        }

    def start_primary_as_the_image_does(self):
        self.run("initdb", "-D", str(self.primary_dir), "-U", "postgres", "-E", "UTF8", "--no-sync")
        (self.primary_dir / "pg_hba.conf").write_text(self.IMAGE_HBA)
        with open(self.primary_dir / "postgresql.conf", "a") as config:
            config.write(self.SETTINGS + f"port = {self.primary_port}\nunix_socket_directories = '{self.directory}'\n")
        self.pg_ctl(self.primary_dir, "start")
        self.script("allow-replication.sh", PGDATA=str(self.primary_dir))
        self.pg_ctl(self.primary_dir, "reload")

    def connect(self, database, *, replica=False):
        """Through the servers' socket: over TCP the image's pg_hba.conf asks for a password."""
        return connect(self.directory, self.replica_port if replica else self.primary_port, database)

    def script(self, name, *args, background=False, **environment):
        command = [*self.as_postgres, "env", *(f"{k}={v}" for k, v in {**self.environment(), **environment}.items())]
        command += ["sh", str(SCRIPTS / name), *args]
        if background:
            return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=self.directory)
        return subprocess.run(command, check=True, capture_output=True, cwd=self.directory)

    def start_replica_from_its_entrypoint(self):
        self.replica_dir.mkdir()
        if self.as_postgres:
            os.chown(self.replica_dir, *postgres_ids())
        return self.script(
            "replica.sh",
            *("-p", str(self.replica_port), "-c", "listen_addresses=127.0.0.1", "-k", str(self.directory)),
            background=True,
            PGDATA=str(self.replica_dir),
            PRIMARY_HOST="127.0.0.1",
            PRIMARY_PORT=str(self.primary_port),
        )


def postgres_ids():
    entry = pwd.getpwnam("postgres")
    return entry.pw_uid, entry.pw_gid


def connect(socket_directory, port, database="postgres"):
    return psycopg2.connect(host=str(socket_directory), port=port, user="postgres", dbname=database)


def wait_for_connection(socket_directory, port, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return connect(socket_directory, port)
        except psycopg2.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def cluster():
    if postgres_bin() is None:
        pytest.fail("A4B_REQUIRE_CLUSTER is set but the PostgreSQL server binaries are not installed")
    pair = ComposeReplica()
    yield pair
    pair.stop()


def test_the_replica_profile_streams_from_the_primary(cluster):
    cluster.start_primary_as_the_image_does()
    replica = cluster.start_replica_from_its_entrypoint()
    try:
        wait_for_connection(cluster.directory, cluster.replica_port).close()
        cluster.execute("CREATE TABLE visits (title text); INSERT INTO visits VALUES ('Olomouc')")
        cluster.wait_for_replay()

        assert cluster.execute("SELECT pg_is_in_recovery()", replica=True) == [(True,)]
        assert cluster.execute("SELECT title FROM visits", replica=True) == [("Olomouc",)]
        assert cluster.execute("SELECT usename FROM pg_stat_replication") == [("replicator",)]
    finally:
        if replica.poll() is not None:
            pytest.fail(replica.stderr.read().decode())


def test_the_replication_role_is_refused_without_its_password(cluster):
    cluster.start_primary_as_the_image_does()

    refused = subprocess.run(
        [
            str(cluster.bin / "pg_basebackup"),
            *(
                "-h",
                "127.0.0.1",
                "-p",
                str(cluster.primary_port),
                "-U",
                "replicator",
                "-D",
                str(cluster.directory / "x"),
            ),
            "--no-password",
        ],
        capture_output=True,
        text=True,
    )

    assert refused.returncode != 0
    assert "password" in refused.stderr
