"""POST /api/v2/proposals/ (a practice proposed by anyone) and GET /api/v2/proposals/terms/ (its terms)."""

from django.conf import settings
from django.utils.translation import get_language, gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema

from core.api.serializers import ErrorSerializer
from proposals.selectors import live_topics
from proposals.serializers import (
    CONSENT_VERSION,
    FORM_NAME,
    ProposalAcceptedSerializer,
    ProposalSerializer,
    ProposalTermsSerializer,
)
from proposals.services import submit_proposal
from security.public_forms import Limit, PublicFormView, TermsView
from security.public_forms.views import TermsQuery

FORM_ERRORS = {
    400: OpenApiResponse(
        ErrorSerializer, description="A field is invalid; `errors` names it, in the visitor's language."
    ),
    429: OpenApiResponse(ErrorSerializer, description="Too many proposals from this address."),
}


class ProposalView(PublicFormView):
    """Propose a good practice: it reaches the editors of the form's language as a proposal, never as content.

    Nothing of it is public. The proposer gets a confirmation e-mail; decided
    proposals are deleted PROPOSAL_RETENTION_DAYS after the decision.
    """

    serializer_class = ProposalSerializer

    @extend_schema(
        tags=["proposals"], request=ProposalSerializer, responses={202: ProposalAcceptedSerializer, **FORM_ERRORS}
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def limits(self, data, address):
        return [Limit("proposal-address", settings.PROPOSAL_ADDRESS_RATE, address)]

    def accept(self, data, address):
        submit_proposal(data, language=get_language())
        return 202, {
            "detail": gettext(
                "Thank you: your proposal has reached the portal's editors. They will contact you if they "
                "take it up; nothing is published before they have checked it."
            )
        }


class ProposalTermsView(TermsView):
    """What a proposer agrees to, the topics to choose from, and a fresh token for the form."""

    form_name = FORM_NAME

    @extend_schema(tags=["proposals"], parameters=[TermsQuery], responses={200: ProposalTermsSerializer, **FORM_ERRORS})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def terms(self, query):
        days = settings.PROPOSAL_RETENTION_DAYS
        return {
            "purpose": gettext(
                "We use your proposal to consider adding the practice to the portal, and your contact details "
                "to confirm receipt and to ask you about it. We use your data for nothing else."
            ),
            "recipients": gettext(
                "Only the portal's editors of this language and its administrators see the proposal and your "
                "details. Nothing you write is published until the editors have checked and rewritten it."
            ),
            "retention_days": days,
            "consent_to_processing": gettext(
                "I agree that my proposal and contact details are stored until the editors decide on it and "
                "for %(days)d days after, and used as described above."
            )
            % {"days": days},
            "consent_version": CONSENT_VERSION,
            "topics": [{"slug": topic.slug, "name": topic.name} for topic in live_topics(query["locale"])],
        }
