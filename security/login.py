"""Admin sign-in limits on django-axes: who is counted, and what a locked-out person is told.

Failures are counted per account and per client address (`AXES_LOCKOUT_PARAMETERS`),
in the database (`AxesDatabaseHandler`), so the count holds across workers and
processes on SQLite (`make demo`) and PostgreSQL alike and does not depend on
Redis being up.
"""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import ngettext
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.localization import get_available_admin_languages

from core.api.throttling import client_address as throttled_client
from security.csp import admin_prefix


def client_address(request):
    """The client as the API throttle counts it, so that one client is one client everywhere.

    That is the address the trusted proxies (`NUM_PROXIES`) saw, never what a
    client wrote into `X-Forwarded-For`, and an IPv6 client's whole /64
    (core.api.throttling.client_address). axes keeps addresses in an IP
    field, so a /64 is kept as its first address.
    """
    return throttled_client(request).removesuffix("/64")


class LoginLimitBackend(AxesStandaloneBackend):
    """Refuses sign-in for a locked-out account or address; counts nothing when there is no request.

    Code that calls `authenticate()` without a request (management commands,
    the test client's `login()`) has no client to limit; axes would raise
    instead of letting the next backend answer.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_message():
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return ngettext(
        "Too many failed sign-in attempts for this account or from this address. "
        "Signing in is blocked for %(minutes)d minute; try again later or ask an administrator.",
        "Too many failed sign-in attempts for this account or from this address. "
        "Signing in is blocked for %(minutes)d minutes; try again later or ask an administrator.",
        minutes,
    ) % {"minutes": minutes}


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, which says so when the limit, not the password, refused the attempt.

    Without this the locked-out person would read "wrong password" and keep
    typing the right one, each try prolonging the lockout.
    """

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


def locked_out_response(request, original_response=None, credentials=None):
    """The sign-in page as rendered (with the lockout message), answered with 429 Too Many Requests."""
    if original_response is None:
        return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")
    original_response.status_code = 429
    original_response.reason_phrase = "Too Many Requests"
    return original_response


class SignInLanguageMiddleware:
    """Speaks the browser's language on the admin pages seen before signing in (sign-in, password reset).

    With `prefix_default_language=False` Django gives every unprefixed URL the
    default language, so a Czech editor would read the sign-in page, and the
    lockout message, in Polish. Signed-in pages follow the editor's account
    setting (Wagtail's own choice), so only anonymous requests are touched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(admin_prefix()) or request.user.is_authenticated:
            return self.get_response(request)
        permitted = {code for code, _name in get_available_admin_languages()}
        language = next(
            (
                code
                for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", ""))
                if code.split("-")[0] in permitted
            ),
            None,
        )
        if language is None:
            return self.get_response(request)
        with translation.override(language.split("-")[0]):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        patch_vary_headers(response, ["Accept-Language"])
        return response
