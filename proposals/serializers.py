"""The "Propose a good practice" form as the API takes it, and its terms as the API gives them."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.views import MAX_PAGE_ID
from core.validators import latitude_validators, longitude_validators
from proposals.models import SUMMARY_MAX_LENGTH, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH
from proposals.selectors import live_topics, public_partner
from security.public_forms import PublicFormSerializer

FORM_NAME = "proposal"
#: Raise it whenever the terms' text changes in substance: each proposal records the version agreed to.
CONSENT_VERSION = "2026-12"


class ProposalSerializer(PublicFormSerializer):
    form_name = FORM_NAME

    title = serializers.CharField(max_length=TITLE_MAX_LENGTH, help_text="The practice's name, at most 100 characters.")
    summary = serializers.CharField(max_length=SUMMARY_MAX_LENGTH, help_text="What it is, in two or three sentences.")
    challenge = serializers.CharField(max_length=TEXT_MAX_LENGTH, help_text="The problem or need it responds to.")
    solution = serializers.CharField(max_length=TEXT_MAX_LENGTH, help_text="What was done, step by step.")
    resources = serializers.CharField(
        max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, help_text="People, money, equipment it took."
    )
    timescale = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="When it started and how long it ran."
    )
    results = serializers.CharField(max_length=TEXT_MAX_LENGTH, help_text="Evidence of success, with figures.")
    difficulties = serializers.CharField(
        max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, help_text="Obstacles and how they were overcome."
    )
    transferability = serializers.CharField(
        max_length=TEXT_MAX_LENGTH, help_text="What the other side of the border could take from it."
    )
    municipality = serializers.CharField(max_length=120, help_text="Where it was carried out.")
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, required=False, allow_null=True, validators=latitude_validators
    )
    longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, required=False, allow_null=True, validators=longitude_validators
    )
    topics = serializers.ListField(
        child=serializers.SlugField(max_length=100),
        required=False,
        max_length=10,
        help_text="Slugs of live topics in the form's language (the terms endpoint lists them).",
    )
    institution = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="The institution that carried it out."
    )
    partner = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_ID,
        required=False,
        allow_null=True,
        help_text="Id of a public partner page, when the institution is one of the project's partners.",
    )
    contact_person = serializers.CharField(
        max_length=120, required=False, allow_blank=True, help_text="Who can tell more about the practice."
    )
    name = serializers.CharField(max_length=100, help_text="The proposer's name.")
    email = serializers.EmailField(help_text="The proposer's address: for the confirmation and the editors' questions.")
    organisation = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="The proposer's organisation."
    )
    consent_to_processing = serializers.BooleanField(
        help_text="Must be true: the proposer agrees to the terms (purpose, retention, recipients) of /terms/."
    )

    def validate_partner(self, value):
        if value is None:
            return None
        partner = public_partner(value)
        if partner is None:
            raise serializers.ValidationError(_("This partner is not known here."))
        return partner

    def validate_consent_to_processing(self, value):
        if not value:
            raise serializers.ValidationError(_("Please agree to how your proposal is handled."))
        return value

    def validate(self, attrs):
        language = attrs.get("language") or get_language()
        known = set(live_topics(language).values_list("slug", flat=True))
        unknown = [slug for slug in attrs.get("topics", []) if slug not in known]
        if unknown:
            raise serializers.ValidationError({"topics": [_("Unknown topic: %(slug)s.") % {"slug": unknown[0]}]})
        if (attrs.get("latitude") is None) != (attrs.get("longitude") is None):
            missing = "longitude" if attrs.get("longitude") is None else "latitude"
            raise serializers.ValidationError({missing: [_("Give both latitude and longitude, or neither.")]})
        return attrs


class ProposalAcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What happens next, in the proposer's language.")


class TopicChoiceSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ProposalTermsSerializer(serializers.Serializer):
    purpose = serializers.CharField(help_text="Why the data is asked for and what is done with it.")
    recipients = serializers.CharField(help_text="Who sees the proposal and the proposer's data.")
    retention_days = serializers.IntegerField(help_text="Days a decided proposal is kept before it is deleted.")
    consent_to_processing = serializers.CharField(help_text="The label of the required consent.")
    consent_version = serializers.CharField(help_text="The version of these terms, recorded with each proposal.")
    topics = TopicChoiceSerializer(many=True, help_text="The topics to choose from, in the requested language.")
    token = serializers.CharField(help_text="Timing token: send it back with the form, unchanged.")
