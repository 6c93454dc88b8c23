"""Rate-limits public GETs and answers repeated ones from the cache, before URL resolution, sessions and DRF run.

Covers the API under /api/v2/, the widgets under /embed/ and the feeds under
/feeds/: every GET or HEAD there is counted against its client's window, and
one whose exact URL (scheme and host included) was rendered under the current
content version is answered here; anything else (a miss, a bad parameter, a
4xx) goes on to the view, which renders and stores it. The view's own cache
check stays as the reference behaviour: this is the same lookup, moved earlier.
"""

from django.http import HttpResponse, JsonResponse

from core.api.request_state import request_state
from core.api.response_cache import conditional_response, count_and_lookup, lookup, request_url, stored_body
from core.api.throttling import Window, client_address, count_request

API = "/api/v2/"
#: Public, anonymous, cacheable routes: the API, the widgets and the feeds.
PREFIXES = (API, "/embed/", "/feeds/")
#: Answers that must never be stored or served from the cache (drafts behind a token).
UNCACHED_PREFIXES = ("/api/v2/preview/",)


class CachedAPIResponseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or not request.path.startswith(PREFIXES)
            or request.path.startswith(UNCACHED_PREFIXES)
        ):
            return self.get_response(request)
        ident = client_address(request)
        window = Window(ident)
        url = request_url(request)
        pipelined = count_and_lookup(window, url)
        if pipelined is None:
            allowed, retry_after = count_request(request, ident)
            state, stored = lookup(url) if allowed else (None, None)
        else:
            count, state, tag = pipelined
            allowed, retry_after = window.record(request, count)
            stored = None if tag is None else (None, *tag)
        if not allowed:
            return throttled(request, retry_after)
        response = None
        if stored is not None:
            response = conditional_response(request, state, stored, lambda: stored_body(url, stored[1]))
        if response is None:
            # The view renders it; it need not ask the cache again for the content version.
            request_state(request).cache_lookup = (state, None)
            return self.get_response(request)
        return response


def throttled(request, retry_after):
    """429 with Retry-After: JSON on the API, plain text on widgets and feeds."""
    message = f"Request was throttled. Expected available in {retry_after} seconds."
    if request.path.startswith(API):
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    return response
