"""What the API's middleware learnt about a request, handed on to the throttle and the views after it.

`CachedAPIResponseMiddleware` counts a public GET against its client's window
and looks its URL up in the response cache before URL resolution, sessions and
DRF run. Both cost a cache round trip, so what they found travels with the
request instead of being asked again: the DRF throttle reads the count, the view
(or a kept widget or feed) renders under the content version already read.
"""

from dataclasses import dataclass


@dataclass(slots=True)
class RequestState:
    #: (allowed, seconds until the client's window ends), once the request was counted against it.
    throttle: tuple[bool, int] | None = None
    #: ((version, modified), None): the middleware's cache lookup for this URL, which found nothing to serve.
    #: The view renders under that content version without looking the URL up again.
    cache_lookup: tuple[tuple[str, int], None] | None = None


def request_state(request):
    """The state of this request, made on first use; DRF's Request and Django's HttpRequest share one.

    It is kept on Django's request under one attribute that nothing else reads.
    """
    request = getattr(request, "_request", request)
    state = getattr(request, "a4b_state", None)
    if state is None:
        state = request.a4b_state = RequestState()
    return state
