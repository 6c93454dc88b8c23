"""The personal cancellation link: the registration's id and random secret, signed with the site's key.

The random half makes it unguessable even with the id; the signature makes a
tampered token fail before the database is asked. The link points to the
portal's page in the visitor's language, which shows a confirmation (GET) and
cancels only on POST.
"""

import hmac
import secrets

from django.conf import settings
from django.core import signing

SALT = "a4b.registration.cancel"
#: The portal's cancellation page per language.
CANCEL_PATHS = {"pl": "/rejestracja/anuluj/", "cs": "/cs/registrace/zrusit/"}


def new_secret():
    return secrets.token_urlsafe(32)


def cancel_token(registration):
    return signing.Signer(salt=SALT).sign(f"{registration.pk}-{registration.secret}")


def cancel_url(registration):
    path = CANCEL_PATHS.get(registration.language, CANCEL_PATHS["pl"])
    return f"{settings.FRONTEND_BASE_URL}{path}?token={cancel_token(registration)}"


def registration_for_token(token, queryset):
    """The registration in `queryset` this token names, or None for anything forged, mangled or unknown."""
    try:
        value = signing.Signer(salt=SALT).unsign(token or "")
    except signing.BadSignature:
        return None
    pk, _sep, secret = value.partition("-")
    if not pk.isdigit():
        return None
    registration = queryset.filter(pk=int(pk)).first()
    if registration is None or not hmac.compare_digest(registration.secret, secret):
        return None
    return registration
