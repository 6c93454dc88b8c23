"""Sending one webhook request: the signed body, one HTTP POST, and what came back.

Plain http.client: one POST needs nothing more, and it lets the request go to the
address `webhooks.targets` checked rather than resolve the name again. Redirects
are never followed (a POST silently turned into a GET elsewhere would be reported
as delivered, and the next hop could be an internal address); any answer but 2xx
is a failure to retry.
"""

import contextlib
import hashlib
import hmac
import http.client
import json
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass

from django.conf import settings

from webhooks.targets import ForbiddenTarget, resolve_target

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-A4B-Signature"
TIMESTAMP_HEADER = "X-A4B-Timestamp"
EVENT_HEADER = "X-A4B-Event"
DELIVERY_HEADER = "X-A4B-Delivery"
USER_AGENT = "A4B-Webhooks/1.0"


def encode(payload):
    """The exact bytes sent, and signed: compact UTF-8 JSON."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


#: How far (in seconds, either way) a request's timestamp may be from the receiver's clock.
DEFAULT_TOLERANCE = 300


def sign(secret, timestamp, body):
    """`sha256=` and the hex HMAC-SHA256 of `{timestamp}.` and the raw body, keyed with the endpoint's secret.

    Signing the timestamp with the body (the Stripe and Slack scheme) binds the two:
    a captured request cannot be sent again later under a fresh timestamp, and its
    own timestamp soon falls outside the receiver's tolerance.
    """
    return "sha256=" + hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def verify(secret, body, signature, timestamp, tolerance=DEFAULT_TOLERANCE):
    """What a receiver does (see the README): refuse a stale or future timestamp, then check the signature.

    The HMAC is computed over the timestamp header exactly as received, so any
    change to it (even "+17..." for "17...") breaks the signature; the comparison
    takes constant time.
    """
    try:
        sent_at = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(time.time() - sent_at) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature or "")


@dataclass
class Outcome:
    status_code: int | None
    latency_ms: int
    error: str
    #: The URL is not one webhooks may be sent to (`webhooks.targets`): nothing was sent, and retrying will not help.
    refused: bool = False

    @property
    def ok(self):
        return self.status_code is not None and 200 <= self.status_code < 300


#: What the delivery log says about a refused URL. The reason (the address, the network) goes to the
#: server's log only: the log must not tell an administrator's typo from a probe of the internal network.
REFUSED = "Not sent: the URL is not an allowed webhook target (see the server log)."


def _pinned(connection_class):
    """`connection_class`, connecting to the addresses checked by `webhooks.targets` instead of resolving again.

    http.client resolves `host` when it connects; by then the name may resolve
    elsewhere (DNS rebinding). Here the socket goes to a checked address, while the
    Host header, TLS's server name and certificate check still use the name.
    """

    class Pinned(connection_class):
        def __init__(self, target, **kwargs):
            super().__init__(target.host, target.port, **kwargs)
            self.addresses = target.addresses
            # http.client sets this per instance, to socket.create_connection.
            self._create_connection = self._connect_to_checked_address

        def _connect_to_checked_address(self, _address, timeout, source_address=None, *args, **kwargs):
            failure = OSError("no address to connect to")
            for address in self.addresses:
                try:
                    return socket.create_connection((address, self.port), timeout, source_address)
                except OSError as error:
                    failure = error
            raise failure

    return Pinned


_HTTPConnection = _pinned(http.client.HTTPConnection)
_HTTPSConnection = _pinned(http.client.HTTPSConnection)


def _describe(failure):
    return f"{type(failure).__name__}: {failure}" if str(failure) else type(failure).__name__


def _exchange(target, body, headers, deadline):
    """One POST to `target`, all of it (connecting, sending, the answer) within `deadline`; (status, error).

    A socket timeout bounds each read, not the whole exchange: a receiver dripping
    one byte at a time could hold the worker far longer. A timer shuts the socket
    at the deadline, so an attempt never outlives the lease its task holds.
    """
    remaining = max(deadline - time.monotonic(), 0.001)
    if target.scheme == "https":
        connection = _HTTPSConnection(target, timeout=remaining, context=ssl.create_default_context())
    else:
        connection = _HTTPConnection(target, timeout=remaining)
    expired = threading.Event()

    def expire():
        expired.set()
        if connection.sock is not None:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(remaining, expire)
    timer.daemon = True
    timer.start()
    try:
        connection.request("POST", target.selector, body=body, headers=headers)
        response = connection.getresponse()
        response.read(1024)
    except (OSError, http.client.HTTPException, ValueError) as failure:
        return None, "TimeoutError: timed out" if expired.is_set() else _describe(failure)
    finally:
        timer.cancel()
        connection.close()
    if 200 <= response.status < 300:
        return response.status, ""
    return response.status, f"HTTP {response.status} {response.reason}".strip()


def post(url, *, secret, body, event, delivery_id):
    """POST `body` to `url`, signed with the time of this attempt; never raises for network or HTTP errors.

    Each attempt (a retry too) carries its own timestamp and signature, so a retry
    sent long after the event still falls within the receiver's tolerance. The
    whole attempt, resolving the name included, takes at most WEBHOOK_TIMEOUT.
    """
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: sign(secret, timestamp, body),
        TIMESTAMP_HEADER: timestamp,
        EVENT_HEADER: event,
        DELIVERY_HEADER: str(delivery_id),
    }
    started = time.monotonic()
    deadline = started + settings.WEBHOOK_TIMEOUT
    refused = False
    try:
        target = resolve_target(url, timeout=settings.WEBHOOK_TIMEOUT)
    except ForbiddenTarget as refusal:
        logger.warning("Webhook delivery %s to %s refused: %s.", delivery_id, url, refusal)
        status_code, error, refused = None, REFUSED, True
    except TimeoutError:
        status_code, error = None, "TimeoutError: the name did not resolve in time"
    except OSError as failure:
        status_code, error = None, _describe(failure)
    else:
        status_code, error = _exchange(target, body, headers, deadline)
    latency_ms = round((time.monotonic() - started) * 1000)
    return Outcome(status_code=status_code, latency_ms=latency_ms, error=error[:2000], refused=refused)
