"""Content-Security-Policy: one strict policy for the site, a wider one for Wagtail's admin.

django-csp writes the header; this module only chooses which policy a response
gets. Wagtail's admin still runs inline scripts (inline panels, date pickers,
wagtail-localize's editor, the scripts inside chooser modals) and sets inline
styles, so its policy allows `'unsafe-inline'` for those two and nothing else:
no `'unsafe-eval'`, no other hosts, and it keeps `connect-src`, `form-action`,
`base-uri`, `object-src` and `frame-ancestors` closed, which still stops an
injected script from posting data elsewhere or the admin from being framed by
another site. Responses that already carry a policy (embed widgets'
`frame-ancestors *`, Wagtail's served documents) keep theirs.
"""

from functools import cache
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def frontend_origins():
    """Origins of the portal frontend, which the admin frames for headless preview."""
    urls = [settings.FRONTEND_BASE_URL, settings.FRONTEND_PREVIEW_URL]
    parts = [urlsplit(url) for url in urls if url]
    return list(dict.fromkeys(f"{part.scheme}://{part.netloc}" for part in parts if part.scheme and part.netloc))


def admin_policy():
    """`ADMIN_CONTENT_SECURITY_POLICY`'s directives, `frame-src` extended by the frontend's origins.

    Read per request rather than in settings, so the origins always follow the
    settings in force (an environment's own FRONTEND_* values, a test's override).
    """
    directives = dict(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives["frame-src"] = [*directives.get("frame-src", ()), *frontend_origins()]
    return directives


def in_admin(request):
    """Whether the response is shown by the admin: its own URLs, and the pages it previews.

    Wagtail renders a preview by passing a dummy request for the page's own URL
    (`is_dummy`) through the whole middleware chain; the result is shown in the
    admin's preview panel and must carry the admin's policy (framed by the
    admin, framing the frontend), not the public page's.
    """
    return getattr(request, "is_dummy", False) or request.path_info.startswith(admin_prefix())


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for everything the admin shows."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and in_admin(request):
            parts.config = admin_policy()
        return parts
