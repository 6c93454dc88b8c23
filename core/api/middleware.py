"""Answers repeated public API requests from the cache before URL resolution, sessions and DRF run.

Only a GET or HEAD under /api/v2/ whose exact URL was rendered under the
current content version is answered here, after the same rate limit; anything
else (a miss, a bad parameter, a 4xx) goes on to the view, which renders and
stores it. The view's own cache check stays as the reference behaviour: this
is the same lookup, moved earlier.
"""

from django.http import JsonResponse
from rest_framework.throttling import BaseThrottle

from core.api.cache import conditional_response, count_and_lookup, lookup, stored_body
from core.api.throttling import Window, count_request

PREFIX = "/api/v2/"
#: Answers that must never be stored or served from the cache (drafts behind a token).
UNCACHED_PREFIXES = ("/api/v2/preview/",)


class CachedAPIResponseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.ident = BaseThrottle()

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or not request.path.startswith(PREFIX)
            or request.path.startswith(UNCACHED_PREFIXES)
        ):
            return self.get_response(request)
        ident = self.ident.get_ident(request)
        window = Window(ident)
        full_path = request.get_full_path()
        pipelined = count_and_lookup(window, full_path)
        if pipelined is None:
            allowed, retry_after = count_request(request, ident)
            state, stored = lookup(full_path) if allowed else (None, None)
        else:
            count, state, etag = pipelined
            allowed, retry_after = window.record(request, count)
            stored = None if etag is None else (None, etag)
        if not allowed:
            response = JsonResponse({"detail": f"Request was throttled. Expected available in {retry_after} seconds."})
            response.status_code = 429
            response["Retry-After"] = str(retry_after)
            return response
        response = None
        if stored is not None:
            response = conditional_response(request, state, stored, lambda: stored_body(full_path, stored[1]))
        if response is None:
            # The view renders it; it need not ask the cache again for the content version.
            request.a4b_lookup = (state, None)
            return self.get_response(request)
        response["X-Frame-Options"] = "DENY"
        return response
