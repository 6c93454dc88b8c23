"""Headless preview: Wagtail's Preview shows the draft in the portal frontend.

When an editor previews, Wagtail calls `serve_preview` on the page as it stands
in the editor (unsaved changes included). wagtail-headless-preview stores that
state as a snapshot and frames the frontend's preview route; we sign the token
ourselves so that it names the page and the revision it was made from and
expires after PREVIEW_TOKEN_MAX_AGE seconds. The frontend passes the token to
`GET /api/v2/preview/?token=...`, which answers with the same JSON as the public
detail endpoint, for the draft.
"""

from django.conf import settings
from django.core import signing
from django.utils.http import urlencode
from wagtail_headless_preview.models import HeadlessPreviewMixin

SALT = "a4b.preview"


def make_token(page_id, revision_id):
    """A signed, timestamped token for one page at one revision (None: the page as saved)."""
    return signing.dumps({"page": page_id, "revision": revision_id}, salt=SALT)


def read_token(token):
    """{"page", "revision"} from a token; raises signing.SignatureExpired or signing.BadSignature."""
    claims = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    if not isinstance(claims, dict) or not isinstance(claims.get("page"), int | None):
        raise signing.BadSignature("Unexpected token content.")
    return claims


def frontend_preview_url(locale_code):
    """FRONTEND_PREVIEW_URL for a language (`{locale}` becomes its code); by default the frontend's /api/preview."""
    url = settings.FRONTEND_PREVIEW_URL or f"{settings.FRONTEND_BASE_URL}/api/preview"
    return url.replace("{locale}", locale_code)


class PreviewMixin(HeadlessPreviewMixin):
    """For page models the public API shows: previews open in the frontend, per language."""

    def get_client_root_url(self, request):
        return frontend_preview_url(self.locale.language_code)

    def create_page_preview(self):
        """Snapshot what the editor sees, under a token bound to this page and its latest revision."""
        token = make_token(self.pk, self.latest_revision_id)
        preview, _created = self.update_page_preview(token)
        return preview

    def serve_preview(self, request, preview_mode):
        """The frontend's preview in a frame; the CMS's own template when the caller asks for it.

        A reviewer's preview (`translation.review_preview`) asks for the CMS
        rendering (`request.preview_in_cms`) when the portal frontend does not
        answer, so the draft is still shown instead of a frame with an error.
        """
        if getattr(request, "preview_in_cms", False):
            return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)
        return super().serve_preview(request, preview_mode)

    def get_preview_url(self, request, token):
        query = {"content_type": self.get_content_type_str(), "locale": self.locale.language_code, "token": token}
        return f"{self.get_client_root_url(request)}?{urlencode(query)}"
