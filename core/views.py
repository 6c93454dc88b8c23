import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connections
from django.http import JsonResponse
from django.views import defaults

from core.replicas import REPLICA, replica_configured

HEALTH_KEY = "a4b:health"
HEALTH_OBJECT = "health/probe"


def health(request):
    """Each dependency's state, for load balancers, the docker-compose healthcheck and people.

    503 only when a dependency named in HEALTH_REQUIRED is down: the database
    by default. The portal keeps serving, uncached, without its cache, so a
    lost Redis makes the answer "degraded" (200) unless the operator asks for
    the cache to be required too; without its media storage it serves every
    text and its image links, so storage is optional by default too.
    """
    checks = {"database": check_database(), "cache": check_cache(), "storage": check_storage()}
    details = {}
    if replica_configured():
        checks["replica"], details["replica_lag_seconds"] = check_replica()
    failed = {name for name, state in checks.items() if state != "ok"}
    required = set(settings.HEALTH_REQUIRED)
    status = "error" if failed & required else "degraded" if failed else "ok"
    return JsonResponse(
        {"status": status, **checks, **details},
        status=503 if status == "error" else 200,
        headers={"Cache-Control": "no-store"},
    )


def check_database():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any database failure means unhealthy
        return f"error: {error.__class__.__name__}"
    return "ok"


def check_replica():
    """("ok" or the error, seconds since the last transaction it replayed was committed on the primary).

    The lag is 0 when the replica has replayed all it received, so an idle
    primary does not make the replica look behind.
    """
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(
                "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
                "ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"
            )
            (lag,) = cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means reads go to the primary
        return f"error: {error.__class__.__name__}", None
    return "ok", round(float(lag or 0), 3)


def check_cache():
    """A real write and read, past the fail-soft backend's open circuit: what the cache does now."""
    token = secrets.token_hex(8)
    # The fail-soft Redis backend hides faults from its callers; its client does not.
    store = cache.client if getattr(cache, "outage", None) is not None else cache
    try:
        store.set(HEALTH_KEY, token, timeout=10)
        kept = store.get(HEALTH_KEY)
    except Exception as error:  # noqa: BLE001 - any cache failure means the cache is down
        return f"error: {error.__class__.__name__}"
    return "ok" if kept == token else "error: value not kept"


def check_storage():
    """Media storage answers: for object storage, a HEAD of one key (a miss is fine, an error is not)."""
    try:
        default_storage.exists(HEALTH_OBJECT)
    except Exception as error:  # noqa: BLE001 - any storage failure means media cannot be served or saved
        return f"error: {error.__class__.__name__}"
    return "ok"


def server_error(request):
    """An unexpected error: JSON under /api/, where clients parse every answer as JSON; Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request)
