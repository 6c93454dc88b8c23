"""Who may sign in and what browsers may load: the admin's sign-in limits and the Content-Security-Policies.

base.py imports them all. Apart because they are the settings a security review
reads together (docs/security.md), and they depend on nothing else in the settings.
"""

from datetime import timedelta

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from cms.env import env

# Admin sign-in limits (django-axes; security/login.py): LOGIN_FAILURE_LIMIT failed
# attempts for one account, or from one client address, block signing in for
# LOGIN_LOCKOUT_MINUTES, the right password included; every further failure restarts
# the wait. Counted in the database, so every worker and process sees the same count.
# The address is the API throttle's (security.login.client_address, behind NUM_PROXIES).
LOGIN_FAILURE_LIMIT = env("LOGIN_FAILURE_LIMIT")
LOGIN_LOCKOUT_MINUTES = env("LOGIN_LOCKOUT_MINUTES")
AUTHENTICATION_BACKENDS = [
    "security.login.LoginLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "security.login.client_address"
AXES_LOCKOUT_CALLABLE = "security.login.locked_out_response"
WAGTAILADMIN_USER_LOGIN_FORM = "security.login.LoginForm"

# Content-Security-Policy (django-csp; security/csp.py). The site's own HTML (fallback
# pages, the API docs, error pages) runs no inline code: its one inline style carries
# the request's nonce. Editors' embed blocks frame videos and maps from any HTTPS host.
# The JSON API and the feeds are not HTML and carry no policy; widgets and served
# documents set their own.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/api/v2/", "/api/oembed/", "/api/schema/", "/feeds/", "/health/"],
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https:"],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin: its inline scripts and styles (see security/csp.py), images it
# previews from files being uploaded (blob:), Wagtail's own preview frames and the
# frontend's preview route (FRONTEND_PREVIEW_URL, FRONTEND_BASE_URL), framed by
# nothing but itself. No Gravatar and no check for new Wagtail releases: the admin
# loads nothing from other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],  # and the frontend's origins, added by the middleware
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [SELF],
    },
}
