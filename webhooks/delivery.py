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


def sign(secret, body):
    """`sha256=` and the hex HMAC-SHA256 of the raw body, keyed with the endpoint's secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret, body, signature):
    """What a receiver does (see the README): recompute the signature and compare in constant time."""
    return hmac.compare_digest(sign(secret, body), signature or "")


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
    """POST `body` to `url`, signed; never raises for network or HTTP errors."""
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: sign(secret, body),
            TIMESTAMP_HEADER: str(int(time.time())),
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
