"""Timing tokens: when a form was handed out, signed so that nobody can backdate it.

A token names its form ("enquiry") and the time it was issued. Sent back with the
form, it must be at least PUBLIC_FORM_MIN_SECONDS old (a script posts at once; a
person reads and types) and at most PUBLIC_FORM_MAX_AGE (an old token could have
been harvested). It holds no secret and no session: the portal keeps it in a hidden
field, so the public site sets no cookie.
"""

import secrets
import time

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

SALT = "a4b.public-form.token"


class TokenRefused(Exception):
    """Why a token was refused, in words for the visitor."""


TOO_FAST = _("The form was sent too quickly. Please wait a few seconds and send it again.")
EXPIRED = _("The form has expired. Please reload the page and send it again.")
INVALID = _("The form could not be verified. Please reload the page and send it again.")


def issue_token(form):
    """A fresh token for `form`; the random part keeps two tokens issued in the same second apart."""
    return signing.TimestampSigner(salt=SALT).sign(f"{form}:{secrets.token_urlsafe(8)}")


def check_token(form, token):
    """Raise TokenRefused unless `token` was issued for `form` between the minimum and maximum age ago."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token or "", max_age=settings.PUBLIC_FORM_MAX_AGE)
    except signing.SignatureExpired:
        raise TokenRefused(EXPIRED) from None
    except signing.BadSignature:
        raise TokenRefused(INVALID) from None
    if value.split(":", 1)[0] != form:
        raise TokenRefused(INVALID)
    issued = signing.b62_decode(token.rsplit(signer.sep, 2)[-2])
    if time.time() - issued < settings.PUBLIC_FORM_MIN_SECONDS:
        raise TokenRefused(TOO_FAST)
