"""Production: refuses to start without its secrets, and passes `check --deploy`."""

from django.core.exceptions import ImproperlyConfigured

from cms.env import env
from cms.settings.base import *  # noqa: F403

for required in ("SECRET_KEY", "DATABASE_URL"):
    if not env.str(required, default=""):
        raise ImproperlyConfigured(f"{required} must be set in production.")

# Mail to a real server must say who sends it: the placeholder sender would be refused or marked as spam.
if env("EMAIL_URL") and env("DEFAULT_FROM_EMAIL").rstrip(">").endswith("@localhost"):
    raise ImproperlyConfigured("DEFAULT_FROM_EMAIL must be a real address when EMAIL_URL is set in production.")

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
# Reuse connections between requests instead of opening one per request.
DATABASES["default"]["CONN_MAX_AGE"] = env("CONN_MAX_AGE")  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
if "replica" in DATABASES:  # noqa: F405
    DATABASES["replica"]["CONN_MAX_AGE"] = env("CONN_MAX_AGE")  # noqa: F405
    # A replica that went away is noticed at a request's first read, which then goes to the primary.
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Behind a TLS-terminating proxy: the header it sets to "https" on requests that came over TLS
# (X-Forwarded-Proto unless SECURE_PROXY_SSL_HEADER names another; empty when nothing in front
# sets it, for then a client could claim HTTPS by sending the header itself).
_proxy_ssl_header = env("SECURE_PROXY_SSL_HEADER").strip()
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
# Plain HTTP is redirected to HTTPS here, unless the proxy in front already does it
# (PROXY_REDIRECTS_TO_HTTPS, as in docker-compose.yml): then no browser reaches Django over
# plain HTTP, a second redirect would add nothing, and the deployment check's W008
# ("SECURE_SSL_REDIRECT is not True") is silenced for that reason, and only then.
if env("PROXY_REDIRECTS_TO_HTTPS"):
    SECURE_SSL_REDIRECT = False
    SILENCED_SYSTEM_CHECKS = ["security.W008"]
else:
    SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
# Browsers remember to use HTTPS only; a year, with subdomains, preload-ready.
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Cookies never travel over plain HTTP.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Pages are not framed by other sites (embed widgets opt out per route).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Static files (admin, API docs) are served by the app itself through WhiteNoise.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
