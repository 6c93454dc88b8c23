"""Where webhooks may be sent: HTTP(S) URLs whose addresses are on the public internet.

An endpoint's URL is typed by an administrator, but its requests leave from the
server, inside the portal's own network. Without a check, `http://127.0.0.1:6379/`,
`http://169.254.169.254/` (a cloud's metadata service) or a name resolving to a
private address would turn the delivery log into a port scanner of that network.
So the scheme must be http or https, and every address the host resolves to must
be globally routable, or inside one of `WEBHOOK_ALLOWED_NETWORKS` (e.g. a receiver
on the same machine in development).

The names are checked twice: in the admin form, for a clear error, and at every
delivery, since DNS can change after the form was saved. The delivery then connects
to the very addresses checked here (see `webhooks.delivery`), so a name that
resolves to a public address for the check and to an internal one a moment later
(DNS rebinding) cannot slip through.
"""

import concurrent.futures
import ipaddress
import socket
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SCHEMES = {"http": 80, "https": 443}

#: How long the admin form waits for a name to resolve; one that does not is checked at delivery.
FORM_RESOLVE_TIMEOUT = 3.0

# getaddrinfo() takes no timeout: it runs here, and the caller stops waiting at its deadline.
_resolver = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="webhook-dns")


class ForbiddenTarget(Exception):
    """A URL webhooks are never sent to; the message names the reason, for the form and the server log."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    #: Every address `host` resolved to, each checked; the request connects to these and no others.
    addresses: tuple[str, ...]
    #: The path and query to request.
    selector: str


@cache
def _networks(allowed):
    return tuple(ipaddress.ip_network(network.strip(), strict=False) for network in allowed if network.strip())


def allowed_networks():
    """WEBHOOK_ALLOWED_NETWORKS parsed (a bad value is reported by the system check `webhooks.E001`)."""
    return _networks(tuple(settings.WEBHOOK_ALLOWED_NETWORKS))


def _kind(ip):
    for kind, flag in (
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("a private", ip.is_private),
        ("a reserved", ip.is_reserved),
    ):
        if flag:
            return kind
    return "a non-public"


def check_address(address):
    """Refuse an address that is not on the public internet, unless WEBHOOK_ALLOWED_NETWORKS includes it.

    IPv4 addresses written as IPv6 (`::ffff:127.0.0.1`, 6to4) are judged by the
    IPv4 address they carry. The unspecified address (`0.0.0.0`, `::`, which
    reaches this very host) and multicast are refused whatever the setting says.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6:
        ip = ip.ipv4_mapped or ip.sixtofour or ip
    if ip.is_unspecified or ip.is_multicast:
        raise ForbiddenTarget(f"{ip} is {'the unspecified' if ip.is_unspecified else 'a multicast'} address")
    if ip.is_global or any(ip in network for network in allowed_networks()):
        return
    raise ForbiddenTarget(f"{ip} is {_kind(ip)} address, outside WEBHOOK_ALLOWED_NETWORKS")


def split(url):
    """The scheme, host, port and selector of `url`; refuses anything but http and https."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise ForbiddenTarget(f"the scheme {scheme or '(none)'!r} is not http or https")
    try:
        port = parts.port or SCHEMES[scheme]
    except ValueError as error:
        raise ForbiddenTarget("the port is not a number from 0 to 65535") from error
    if not parts.hostname:
        raise ForbiddenTarget("the URL has no host")
    selector = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port, selector


def resolve(host, port, timeout):
    """Every address `host` resolves to, in the resolver's order; raises OSError or TimeoutError."""
    infos = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM).result(timeout=timeout)
    return tuple(dict.fromkeys(info[4][0] for info in infos))


def resolve_target(url, *, timeout):
    """Check `url` and every address its host resolves to now; raises ForbiddenTarget, OSError or TimeoutError.

    A name with several addresses is refused if any one of them is forbidden: a
    rebinding resolver may answer with a public and an internal address at once.
    """
    scheme, host, port, selector = split(url)
    addresses = resolve(host, port, timeout)
    for address in addresses:
        check_address(address)
    return Target(scheme=scheme, host=host, port=port, addresses=addresses, selector=selector)


def validate_webhook_url(url):
    """The admin form's check: the same rules, with the reason in the administrator's language.

    A name that does not resolve (yet) is accepted here; each delivery checks it again.
    """
    try:
        scheme, host, port, _selector = split(url)
    except ForbiddenTarget as refusal:
        if "scheme" in str(refusal):
            raise ValidationError(
                _("Webhooks are sent over HTTP only: use an https:// (or http://) URL."), code="scheme"
            ) from refusal
        raise ValidationError(_("Enter a valid URL."), code="invalid") from refusal
    try:
        addresses = resolve(host, port, FORM_RESOLVE_TIMEOUT)
    except (OSError, TimeoutError):
        return
    for address in addresses:
        try:
            check_address(address)
        except ForbiddenTarget as refusal:
            raise ValidationError(
                _(
                    "%(address)s is inside a private, local or reserved network: webhooks are only sent to "
                    "public addresses. (The server's WEBHOOK_ALLOWED_NETWORKS setting can allow a network, "
                    "e.g. for a receiver on the same machine.)"
                )
                if address == host
                else _(
                    "%(host)s leads to %(address)s, inside a private, local or reserved network: webhooks are "
                    "only sent to public addresses. (The server's WEBHOOK_ALLOWED_NETWORKS setting can allow "
                    "a network, e.g. for a receiver on the same machine.)"
                ),
                code="forbidden_address",
                params={"host": host, "address": address},
            ) from refusal
