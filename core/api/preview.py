"""`GET /api/v2/preview/?token=...`: a draft as the public API will show it once published.

Authorised only by the signed token from Wagtail's Preview (see `core.preview`);
no session, no cookies. Answers are private, never stored by the API cache (its
middleware skips this path) and never indexed.
"""

import re

from django.core import signing
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, PolymorphicProxySerializer, extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page
from wagtail_headless_preview.models import PagePreview

from core import content_types
from core.api.cache import content_version
from core.api.serializers import ErrorSerializer
from core.api.tree import public_tree
from core.api.views import ERRORS
from core.preview import read_token

#: Real tokens are about 100 characters of URL-safe base64, base62 and colons; anything
#: else is refused before any signature check.
MAX_TOKEN_LENGTH = 200
TOKEN_PATTERN = r"^[A-Za-z0-9_.:-]+$"

#: The answer is in the shape of the detail of the draft's type: one of the previewable types' (registered
#: by their apps in `core.content_types`; read when the URLconf loads, after every app's `ready()`).
PREVIEW_RESPONSE = PolymorphicProxySerializer(
    component_name="PreviewItem",
    serializers={page_type.kind: page_type.representation() for page_type in content_types.previewable()},
    resource_type_field_name="type",
)


@extend_schema(
    tags=["preview"],
    parameters=[
        OpenApiParameter(
            "token",
            {"type": "string", "minLength": 1, "maxLength": MAX_TOKEN_LENGTH, "pattern": TOKEN_PATTERN},
            required=True,
            description="The token Wagtail's Preview put in the frontend's preview URL.",
        )
    ],
    responses={
        200: PREVIEW_RESPONSE,
        400: ERRORS[400],
        403: OpenApiResponse(ErrorSerializer, description="The token is expired, forged or altered."),
        404: OpenApiResponse(ErrorSerializer, description="The page or revision no longer exists."),
        429: ERRORS[429],
    },
)
class PreviewView(APIView):
    """A draft (the editor's current state, or the revision previewed) in the shape of the public detail endpoint."""

    authentication_classes = []

    def initial(self, request, *args, **kwargs):
        translation.activate("en")
        super().initial(request, *args, **kwargs)

    def get(self, request):
        token = self.token(request)
        try:
            claims = read_token(token)
        except signing.SignatureExpired as expired:
            raise PermissionDenied("This preview link has expired; press Preview in the admin again.") from expired
        except (signing.BadSignature, ValueError, UnicodeError) as invalid:
            raise PermissionDenied("This preview token is not valid.") from invalid
        page = Page.objects.filter(pk=claims["page"]).first() if claims["page"] is not None else None
        if page is None:
            raise NotFound("No such page; unsaved pages can be previewed once saved as a draft.")
        draft = self.draft(page, token, claims.get("revision"))
        page_type = content_types.for_model(type(draft))
        if page_type is None or not page_type.previewable:
            raise NotFound("The API has no representation of this page type.")
        return Response(self.represent(page_type.viewset, draft, request))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    @staticmethod
    def token(request):
        problems = {name: ["Unknown parameter."] for name in request.query_params if name != "token"}
        values = request.query_params.getlist("token")
        if not values or values == [""]:
            problems["token"] = ["Give the preview token."]
        elif len(values) > 1:
            problems["token"] = ["Give this parameter once."]
        elif len(values[0]) > MAX_TOKEN_LENGTH or not re.match(TOKEN_PATTERN, values[0]):
            problems["token"] = ["Not a preview token: give the token from the preview URL."]
        if problems:
            raise ValidationError(dict(sorted(problems.items())))
        return values[0]

    @classmethod
    def draft(cls, page, token, revision_id):
        """The draft with the page's real publication times (a draft has not been published yet)."""
        draft = cls.draft_content(page, token, revision_id)
        draft.first_published_at, draft.last_published_at = page.first_published_at, page.last_published_at
        return draft

    @staticmethod
    def draft_content(page, token, revision_id):
        """The editor's snapshot for this token if still kept, else the revision the token names."""
        snapshot = PagePreview.objects.filter(token=token).first()
        if snapshot is not None:
            draft = snapshot.as_page()
            if draft.pk != page.pk:
                raise PermissionDenied("This preview token is not valid.")
            return draft
        if revision_id is None:
            return page.specific
        revision = page.revisions.filter(pk=revision_id).first()
        if revision is None:
            raise NotFound("That revision no longer exists.")
        return revision.as_object()

    @staticmethod
    def represent(view_class, draft, request):
        version = content_version()[0]
        view = view_class(request=request, action="retrieve", kwargs={}, format_kwarg=None)
        view.version, view.tree = version, public_tree(version)
        return view.represent_draft(draft, request)
