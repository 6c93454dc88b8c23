"""The "Ask the owner" form as the API takes it, and its terms as the API gives them."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.views import MAX_PAGE_ID
from enquiries.selectors import askable_practice
from security.public_forms import PublicFormSerializer

FORM_NAME = "enquiry"
MESSAGE_MAX_LENGTH = 3000


class EnquirySerializer(PublicFormSerializer):
    form_name = FORM_NAME

    practice = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE_ID, help_text="Id of the live, public practice the question is about."
    )
    name = serializers.CharField(max_length=100, help_text="The visitor's name, as the owner will see it.")
    email = serializers.EmailField(help_text="The visitor's address; shown to the owner only with consent.")
    message = serializers.CharField(max_length=MESSAGE_MAX_LENGTH, help_text="The question, plain text.")
    consent_to_share_address = serializers.BooleanField(
        default=False, help_text="True: the owner sees `email` and can reply to it. False: the owner cannot reply."
    )
    consent_to_processing = serializers.BooleanField(
        help_text="Must be true: the visitor agrees to the terms (purpose, retention) of the terms endpoint."
    )

    def validate_practice(self, value):
        practice = askable_practice(value)
        if practice is None:
            raise serializers.ValidationError(_("This practice cannot be asked about here."))
        return practice

    def validate_consent_to_processing(self, value):
        if not value:
            raise serializers.ValidationError(_("Please agree to how your question is handled."))
        return value


class AcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What happens next, in the visitor's language.")


class EnquiryTermsQuery(serializers.Serializer):
    locale = serializers.ChoiceField(
        choices=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
        required=False,
        default=settings.LANGUAGE_CODE,
        help_text="Language of the texts; pl when omitted.",
    )
    practice = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_ID,
        required=False,
        help_text="A practice id: its title is included, and 404 if it is not public or has nobody to ask.",
    )


class PracticeTitleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    locale = serializers.CharField()
    path = serializers.CharField(help_text="The practice's path on the portal.")


class EnquiryTermsSerializer(serializers.Serializer):
    purpose = serializers.CharField(help_text="Why the data is asked for and what is done with it.")
    recipients = serializers.CharField(help_text="Who sees the question and the visitor's address.")
    retention_days = serializers.IntegerField(help_text="Days the question is kept before it is deleted.")
    consent_to_processing = serializers.CharField(help_text="The label of the required consent.")
    consent_to_share_address = serializers.CharField(help_text="The label of the optional consent.")
    practice = PracticeTitleSerializer(required=False, help_text="The practice asked about, when `practice` was given.")
    token = serializers.CharField(help_text="Timing token: send it back with the form, unchanged.")
