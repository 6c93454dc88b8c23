"""POST /api/v2/enquiries/ (a question for a practice's owner) and GET /api/v2/enquiries/terms/ (its terms)."""

from django.conf import settings
from django.utils.translation import get_language, gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound

from core.api.serializers import ErrorSerializer
from core.api.tree import public_tree
from enquiries.selectors import askable_practice
from enquiries.serializers import (
    FORM_NAME,
    AcceptedSerializer,
    EnquirySerializer,
    EnquiryTermsQuery,
    EnquiryTermsSerializer,
)
from enquiries.services import submit_enquiry
from security.public_forms import Limit, PublicFormView, TermsView

FORM_ERRORS = {
    400: OpenApiResponse(
        ErrorSerializer, description="A field is invalid; `errors` names it, in the visitor's language."
    ),
    429: OpenApiResponse(ErrorSerializer, description="Too many questions from this address or about this practice."),
}


class EnquiryView(PublicFormView):
    """Pass a visitor's question on to a practice's owner by e-mail, without showing either address.

    The owner sees the visitor's address only when `consent_to_share_address` is
    true. Questions are kept ENQUIRY_RETENTION_DAYS days, then deleted.
    """

    serializer_class = EnquirySerializer

    @extend_schema(
        tags=["enquiries"],
        request=EnquirySerializer,
        responses={
            202: AcceptedSerializer,
            **FORM_ERRORS,
            503: OpenApiResponse(
                ErrorSerializer, description="The mail server did not take it; the question is kept and sent later."
            ),
        },
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def limits(self, data, address):
        return [
            Limit("enquiry-address", settings.ENQUIRY_ADDRESS_RATE, address),
            Limit("enquiry-practice", settings.ENQUIRY_PRACTICE_RATE, str(data["practice"].translation_key)),
        ]

    def accept(self, data, address):
        _enquiry, sent = submit_enquiry(
            data["practice"],
            name=data["name"],
            email=data["email"],
            message=data["message"],
            share_address=data["consent_to_share_address"],
            language=get_language(),
        )
        if sent:
            return 202, {"detail": gettext("Your question has been sent to the people behind this practice.")}
        return 503, {
            "detail": gettext(
                "Your question has been saved, but it could not be sent yet. It will be sent automatically "
                "as soon as possible; there is no need to send it again."
            )
        }


class EnquiryTermsView(TermsView):
    """What a visitor agrees to when asking about a practice, and a fresh token for the form."""

    form_name = FORM_NAME
    query_serializer = EnquiryTermsQuery

    @extend_schema(
        tags=["enquiries"],
        parameters=[EnquiryTermsQuery],
        responses={
            200: EnquiryTermsSerializer,
            **FORM_ERRORS,
            404: OpenApiResponse(ErrorSerializer, description="The practice is not public or has nobody to ask."),
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def terms(self, query):
        days = settings.ENQUIRY_RETENTION_DAYS
        terms = {
            "purpose": gettext(
                "We pass your question on by e-mail to the contact person of this practice (or of the institution "
                "that carried it out), so that they can answer you. We use your data for nothing else."
            ),
            "recipients": gettext(
                "The practice's contact person receives your name and question; your e-mail address only if you "
                "agree below. The portal's editors of this language can read the question in the administration."
            ),
            "retention_days": days,
            "consent_to_processing": gettext(
                "I agree that my name, e-mail address and question are stored for %(days)d days and passed on "
                "as described above."
            )
            % {"days": days},
            "consent_to_share_address": gettext(
                "Show my e-mail address to the contact person, so that they can reply to me directly."
            ),
        }
        if "practice" in query:
            practice = askable_practice(query["practice"])
            if practice is None:
                raise NotFound()
            tree = public_tree()
            terms["practice"] = {
                "id": practice.pk,
                "title": practice.title,
                "locale": tree.locale_codes[practice.locale_id],
                "path": tree.path_for(practice.locale_id, practice.url_path),
            }
        return terms
