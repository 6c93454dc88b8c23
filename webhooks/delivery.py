"""Sending one webhook request: the signed body, one HTTP POST, and what came back.

Plain urllib: one POST with a timeout needs nothing more. Redirects are not
followed (a POST silently turned into a GET elsewhere would be reported as
delivered); any answer but 2xx is a failure to retry.
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

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

    @property
    def ok(self):
        return self.status_code is not None and 200 <= self.status_code < 300


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post(url, *, secret, body, event, delivery_id):
    """POST `body` to `url`, signed with the time of this attempt; never raises for network or HTTP errors.

    Each attempt (a retry too) carries its own timestamp and signature, so a retry
    sent long after the event still falls within the receiver's tolerance.
    """
    timestamp = str(int(time.time()))
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: sign(secret, timestamp, body),
            TIMESTAMP_HEADER: timestamp,
            EVENT_HEADER: event,
            DELIVERY_HEADER: str(delivery_id),
        },
    )
    started = time.monotonic()
    status_code, error = None, ""
    try:
        with _opener.open(request, timeout=settings.WEBHOOK_TIMEOUT) as response:
            status_code = response.status
            response.read(1024)
    except urllib.error.HTTPError as failure:
        status_code, error = failure.code, f"HTTP {failure.code} {failure.reason}"
    except (urllib.error.URLError, OSError, ValueError) as failure:
        reason = getattr(failure, "reason", failure)
        error = f"{type(reason).__name__}: {reason}" if str(reason) else type(reason).__name__
    latency_ms = round((time.monotonic() - started) * 1000)
    if status_code is not None and not 200 <= status_code < 300 and not error:
        error = f"HTTP {status_code}"
    return Outcome(status_code=status_code, latency_ms=latency_ms, error=error[:2000])
