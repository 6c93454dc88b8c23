"""Create the PostgreSQL database named in a DATABASE_URL if it does not exist (no-op for SQLite)."""

import sys
from urllib.parse import urlsplit

import psycopg2
from psycopg2 import sql


def ensure_database(url):
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return
    name = parts.path.lstrip("/")
    connection = psycopg2.connect(parts._replace(path="/postgres").geturl())
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


if __name__ == "__main__":
    ensure_database(sys.argv[1])
