#!/bin/sh
# The `replica` profile's database: a hot standby streaming from the primary. On first start its
# data folder is empty and is filled with pg_basebackup -R, which also writes the connection to
# the primary (primary_conninfo) and standby.signal; later starts resume streaming from there.
# Extra arguments go to postgres itself.
set -eu
primary_port="${PRIMARY_PORT:-5432}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -q -h "$PRIMARY_HOST" -p "$primary_port"; do sleep 1; done
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p "$primary_port" \
    -U replicator -D "$PGDATA" -R -X stream
  chmod 700 "$PGDATA"
fi
exec postgres -D "$PGDATA" "$@"
