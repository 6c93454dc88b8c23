"""The registration form as the API takes it, its terms and live state, and the cancellation."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import NotFound

from core.api.views import MAX_PAGE_ID
from core.models import Country
from events.models import ConfirmationMode, RegistrationQuestion
from registrations.models import InstitutionKind, Status, VisitLanguage
from registrations.selectors import registrable_event
from security.public_forms import PublicFormSerializer
from security.public_forms.serializers import LANGUAGES
from security.public_forms.views import TermsQuery

FORM_NAME = "registration"
Q = RegistrationQuestion
#: The fields each optional question adds, and whether an asked one must be answered.
QUESTION_FIELDS = {
    Q.INSTITUTION: {"institution": True},
    Q.POSITION: {"position": False},
    Q.VISIT_LANGUAGE: {"visit_language": True},
    Q.NEEDS: {"needs": False},
    Q.INTERNSHIP: {"internship_period": True, "internship_host": True},
}


def event_field(**options):
    return serializers.IntegerField(min_value=1, max_value=MAX_PAGE_ID, **options)


class RegistrationSerializer(PublicFormSerializer):
    """Fields of questions the event does not ask are ignored; those it asks are checked (see the terms)."""

    form_name = FORM_NAME

    event = event_field(help_text="Id of the live, public event (either language) that takes registrations.")
    name = serializers.CharField(max_length=100)
    email = serializers.EmailField(help_text="For the confirmation and the cancellation link; never public.")
    country = serializers.ChoiceField(choices=Country.choices)
    institution_kind = serializers.ChoiceField(choices=InstitutionKind.choices)
    institution = serializers.CharField(max_length=200, required=False, allow_blank=True)
    position = serializers.CharField(max_length=200, required=False, allow_blank=True)
    visit_language = serializers.ChoiceField(choices=VisitLanguage.choices, required=False, allow_blank=True)
    needs = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    internship_period = serializers.CharField(max_length=200, required=False, allow_blank=True)
    internship_host = serializers.CharField(max_length=200, required=False, allow_blank=True)
    consent_to_processing = serializers.BooleanField(
        help_text="Must be true: the visitor agrees to the terms (purpose, retention, recipients) of /terms/."
    )

    def validate_event(self, value):
        event = registrable_event(value)
        if event is None:
            raise NotFound(_("This event takes no registrations here."))
        return event

    def validate_consent_to_processing(self, value):
        if not value:
            raise serializers.ValidationError(_("Please agree to how your registration is handled."))
        return value

    def validate(self, attrs):
        asked = set(attrs["event"].registration_questions)
        answers = {"name": attrs["name"], "email": attrs["email"], "country": attrs["country"]}
        answers["institution_kind"] = attrs["institution_kind"]
        missing = {}
        for question, fields in QUESTION_FIELDS.items():
            for field, required in fields.items():
                if question not in asked:
                    continue
                value = attrs.get(field, "")
                if required and not value.strip():
                    missing[field] = [_("This field is required.")]
                answers[field] = value
        if missing:
            raise serializers.ValidationError(missing)
        return {**attrs, "answers": answers}


class RegisteredSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[Status.CONFIRMED, Status.PENDING, Status.WAITING],
        help_text="confirmed: a place; pending: the organiser decides; waiting: on the waiting list.",
    )
    detail = serializers.CharField(help_text="What happens next, in the visitor's language.")


class RegistrationTermsQuery(TermsQuery):
    event = event_field(help_text="The event's id (either language).")


class EventTitleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    locale = serializers.CharField()
    path = serializers.CharField(help_text="The event's path on the portal.")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class EventWithTranslationsSerializer(EventTitleSerializer):
    translations = serializers.DictField(
        child=serializers.IntegerField(), help_text="Language code -> id of the event's public page in it."
    )


class RegistrationTermsSerializer(serializers.Serializer):
    """The live state is here, not in the (cached) event detail: places change without a publish."""

    event = EventWithTranslationsSerializer()
    open = serializers.BooleanField(help_text="Registrations are taken now (before the deadline, event scheduled).")
    places_left = serializers.IntegerField(allow_null=True, help_text="Both languages together; null: unlimited.")
    waiting_list = serializers.BooleanField(help_text="True when full: a registration goes onto the waiting list.")
    deadline = serializers.DateTimeField(help_text="When registration closes (the deadline, else the start).")
    confirmation = serializers.ChoiceField(choices=ConfirmationMode.choices)
    questions = serializers.ListField(child=serializers.ChoiceField(choices=RegistrationQuestion.choices))
    purpose = serializers.CharField()
    recipients = serializers.CharField()
    retention_days = serializers.IntegerField(help_text="Days after the event until the data is anonymised.")
    consent_to_processing = serializers.CharField(help_text="The label of the required consent.")
    token = serializers.CharField(help_text="Timing token: send it back with the form, unchanged.")


#: A cancellation token's shape: "<id>-<random>:<signature>" (registrations.links), URL-safe base64 parts.
TOKEN_PATTERN = r"^[0-9]{1,19}-[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,100}$"


def token_field():
    return serializers.RegexField(
        TOKEN_PATTERN, max_length=300, help_text="The token of the personal cancellation link, unchanged."
    )


class CancelSerializer(serializers.Serializer):
    token = token_field()
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)


class CancelQuery(serializers.Serializer):
    token = token_field()
    locale = serializers.ChoiceField(choices=LANGUAGES, required=False, default=LANGUAGES[0])


class CancelStateSerializer(serializers.Serializer):
    event = EventTitleSerializer()
    status = serializers.ChoiceField(choices=Status.choices)
    cancellable = serializers.BooleanField(help_text="False once cancelled or declined.")
    detail = serializers.CharField(required=False)
