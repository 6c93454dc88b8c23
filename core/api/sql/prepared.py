"""Statements prepared once per database connection, on PostgreSQL.

What remained of the API's small related-data queries' cost was mostly
PostgreSQL *planning* them (0.15 to 0.6 ms each, against well under 0.1 ms of
execution); a prepared statement is planned once. Each statement has one text
whatever the number of ids, keys or hidden subtrees, because lists travel as
one array parameter (`one_of()`, `visible()` in `core.api.sql.rows`).
"""

import weakref

from django.conf import settings
from django.db import connection

#: Statements prepared on one connection at most; beyond it they run unprepared (the set is bounded by
#: the package's query shapes anyway, this only guards against an unforeseen source of varying text).
MAX_PREPARED = 200


def prepares():
    return connection.vendor == "postgresql" and settings.DATABASE_PREPARED_STATEMENTS


class ConnectionStatements:
    """What one driver connection has prepared ({SQL: statement name}), and the SQL it has run once."""

    __slots__ = ("names", "seen")

    def __init__(self):
        self.names = {}
        self.seen = set()


#: Driver connection -> its ConnectionStatements. Keyed weakly on the driver's connection, not on Django's
#: wrapper, which outlives it: statements are gone with the connection that prepared them, and so is its entry.
statements_of = weakref.WeakKeyDictionary()


def execute(cursor, sql, params):
    """Run `sql` as a statement prepared on this connection where statements are prepared.

    The second time a connection runs a statement it PREPAREs it (through the
    driver's own cursor, so query logs and counts show one query per use, as
    before); every use from then on is an EXECUTE with the parameters. The
    first use runs plain, so a connection that lives for one request
    (CONN_MAX_AGE=0) never pays for a PREPARE it would not reuse. psycopg2 has
    no prepared statements of its own, hence SQL-level PREPARE. Prepared
    statements survive rollbacks and live as long as the connection, which is
    why they are tracked per driver connection; they do not survive a pooler in
    transaction mode, where DATABASE_PREPARED_STATEMENTS=false turns them off.
    """
    if not prepares():
        cursor.execute(sql, params)
        return
    database = cursor.db  # the primary's or the replica's (core.replicas.read_database)
    kept = statements_of.get(database.connection)
    if kept is None:
        kept = statements_of[database.connection] = ConnectionStatements()
    name = kept.names.get(sql)
    if name is None:
        # A literal percent sign (%%) would need unescaping in the PREPARE text; none of ours has one.
        if sql not in kept.seen or len(kept.names) >= MAX_PREPARED or "%%" in sql:
            if len(kept.seen) < MAX_PREPARED:
                kept.seen.add(sql)
            cursor.execute(sql, params)
            return
        name = f"a4b_{len(kept.names)}"
        numbered = sql.split("%s")
        text = numbered[0] + "".join(f"${number}{rest}" for number, rest in enumerate(numbered[1:], start=1))
        with database.wrap_database_errors:
            cursor.cursor.execute(f"PREPARE {name} AS {text}")
        kept.names[sql] = name
    cursor.execute(f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}", params)
