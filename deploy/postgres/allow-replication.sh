#!/bin/sh
# Run once by the postgres image when it creates the primary's data (/docker-entrypoint-initdb.d):
# a role that may stream the WAL and nothing else, and the pg_hba.conf line that lets the replica
# connect as it from the compose network. A "replication" connection matches no "all" database
# line, so without this line the replica's pg_basebackup is refused.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
