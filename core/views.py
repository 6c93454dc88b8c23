import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views import defaults

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
    failed = {name for name, state in checks.items() if state != "ok"}
    required = set(settings.HEALTH_REQUIRED)
    status = "error" if failed & required else "degraded" if failed else "ok"
    return JsonResponse(
        {"status": status, **checks}, status=503 if status == "error" else 200, headers={"Cache-Control": "no-store"}
    )


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any database failure means unhealthy
        return f"error: {error.__class__.__name__}"
    return "ok"


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
