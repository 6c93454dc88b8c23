"""Widgets and feeds are kept like the API's answers: rendered once per content version and URL.

Rendering a widget or a feed costs tens of milliseconds of queries and
templates; a flood of them starved the API's other clients. Kept answers are
served by `CachedAPIResponseMiddleware` (after the rate limit), with their
headers, a strong ETag and 304s, and dropped by the same content version that
any publish, unpublish, move, delete or privacy change renews.
"""

import functools

from core.api.request_state import request_state
from core.api.response_cache import NOT_FRAMED, conditional_response, lookup, request_url, store

#: The headers that make a widget or a feed what it is; the rest are set again on every answer.
KEPT_HEADERS = ("Content-Type", "Content-Security-Policy", "Content-Language", "Content-Disposition")


def kept_per_content_version(view):
    """Serve `view`'s 200 answers from the response cache, and store each one it renders."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        url = request_url(request)
        state, stored = request_state(request).cache_lookup or lookup(url)
        answer = None if stored is None else conditional_response(request, state, stored)
        if answer is not None:
            answer.xframe_options_exempt = all(name != "X-Frame-Options" for name, _value in stored[2])
            return answer
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        framable = getattr(response, "xframe_options_exempt", False)
        headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
        entry = store(url, state, response.content, (*headers, *(() if framable else NOT_FRAMED)))
        answer = conditional_response(request, state, entry)
        answer.xframe_options_exempt = framable
        return answer

    return wrapped
