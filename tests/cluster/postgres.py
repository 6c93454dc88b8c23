"""A PostgreSQL primary and its streaming replica of the test's own, in a temporary folder of their own.

Made with the server's own tools (`initdb`, `pg_basebackup -R`), on free
ports, so the shared server on 5432 is never touched. PostgreSQL refuses to
run as root: as root, the tools run as the `postgres` user.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg2

from tests.core.redis_server import free_port


def postgres_bin():
    """The newest installed server's binaries, or None when the server is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return (
        Path(found[-1]).parent if found else (Path(shutil.which("initdb")).parent if shutil.which("initdb") else None)
    )


class PostgresPair:
    """A primary and a replica streaming from it; both stopped by `stop()`."""

    SETTINGS = (
        "listen_addresses = '127.0.0.1'\n"
        "wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n"
        # Throwaway data: durability is not what these tests are about.
        "fsync = off\nfull_page_writes = off\n"
    )

    def __init__(self):
        self.bin = postgres_bin()
        # Its own folder in /tmp: pytest's are private to root, whom PostgreSQL refuses to run as.
        self.directory = Path(tempfile.mkdtemp(prefix="a4b-postgres-"))
        self.primary_dir, self.replica_dir = self.directory / "primary", self.directory / "replica"
        self.primary_port, self.replica_port = free_port(), free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.directory, "postgres")

    def run(self, tool, *args):
        subprocess.run(
            [*self.as_postgres, str(self.bin / tool), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=self.directory,
        )

    def start(self):
        self.run("initdb", "-D", str(self.primary_dir), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
        with open(self.primary_dir / "postgresql.conf", "a") as config:
            config.write(self.SETTINGS + f"port = {self.primary_port}\nunix_socket_directories = '{self.directory}'\n")
        self.pg_ctl(self.primary_dir, "start")
        return self.start_replica()

    def pg_ctl(self, data, action, *options):
        self.run("pg_ctl", "-D", str(data), "-l", str(data) + ".log", "-w", *options, action)

    def start_replica(self):
        self.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres",
            "-D", str(self.replica_dir), "-R", "-X", "stream", "--no-sync",
        )  # fmt: skip
        self.pg_ctl(self.replica_dir, "start", "-o", f"-p {self.replica_port}")
        return self

    def url(self, database, *, replica=False):
        return f"postgres://postgres@127.0.0.1:{self.replica_port if replica else self.primary_port}/{database}"

    def connect(self, database, *, replica=False):
        port = self.replica_port if replica else self.primary_port
        return psycopg2.connect(host="127.0.0.1", port=port, user="postgres", dbname=database)

    def execute(self, sql, *, database="postgres", replica=False):
        """Run one statement on the primary (or the replica) and return its rows, if it gave any."""
        connection = self.connect(database, replica=replica)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()

    def wait_for_replay(self, timeout=20):
        """Until the replica has replayed everything the primary wrote so far."""
        (target,) = self.execute("SELECT pg_current_wal_insert_lsn()")[0]
        deadline = time.monotonic() + timeout
        while self.execute(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn", replica=True)[0][0] is not True:
            if time.monotonic() > deadline:
                raise AssertionError("the replica did not catch up")
            time.sleep(0.05)

    def pause_replay(self):
        self.execute("SELECT pg_wal_replay_pause()", replica=True)

    def resume_replay(self):
        self.execute("SELECT pg_wal_replay_resume()", replica=True)

    def stop_replica(self):
        self.pg_ctl(self.replica_dir, "stop", "-m", "immediate")

    def stop_primary(self):
        self.pg_ctl(self.primary_dir, "stop", "-m", "immediate")

    def stop(self):
        for data in (self.replica_dir, self.primary_dir):
            if (data / "postmaster.pid").exists():
                self.pg_ctl(data, "stop", "-m", "immediate")
        shutil.rmtree(self.directory, ignore_errors=True)
