"""Whose form it is: the visitor's address, as the portal's server vouches for it, or the connecting one.

The portal renders its forms on the server and posts them to the API itself, so
every question would otherwise come from the portal's own address and one rate
limit would hold for all its visitors together. It sends the visitor's address in

    X-A4B-Visitor: <address>;<unix time>;<hex HMAC-SHA256 of "<address>;<unix time>">

keyed with PUBLIC_FORM_VISITOR_SECRET. The header is believed only when that
secret is set, the signature matches and the time is within a minute of ours (a
header copied from a log cannot be replayed for long); otherwise the connecting
client counts, as the API's throttle counts it (NUM_PROXIES).
"""

import hashlib
import hmac
import ipaddress
import time

from django.conf import settings

from core.api.throttling import client_address

HEADER = "HTTP_X_A4B_VISITOR"
#: Seconds a signed header stays good, either side of now (clocks of two servers differ a little).
SKEW = 60


def sign(address, secret, now=None):
    """The header's value for `address`, as the portal's server computes it (tests, other trusted servers)."""
    stamp = str(int(time.time() if now is None else now))
    signature = hmac.new(secret.encode(), f"{address};{stamp}".encode(), hashlib.sha256).hexdigest()
    return f"{address};{stamp};{signature}"


def visitor_address(request):
    """The address to count a form against: the signed visitor's (an IPv6 one by its /64), else the client's."""
    vouched = _vouched_address(request.META.get(HEADER, ""))
    if vouched is None:
        return client_address(request)
    if vouched.version == 6:
        return str(ipaddress.ip_network(f"{vouched}/64", strict=False))
    return str(vouched)


def _vouched_address(value):
    secret = settings.PUBLIC_FORM_VISITOR_SECRET
    parts = value.split(";")
    if not secret or len(parts) != 3:
        return None
    address, stamp, signature = parts
    expected = hmac.new(secret.encode(), f"{address};{stamp}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature) or not stamp.isdigit():
        return None
    if abs(time.time() - int(stamp)) > SKEW:
        return None
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None
