"""What the public API says about events: the fields `EventPage.public_api_fields` declares."""

from rest_framework import serializers

from core.api.declared import DeclaredPageSerializer
from core.api.serializers import BODY_BLOCKS, PageLinkSerializer, iso, page_link
from events.models import ConfirmationMode, EventPage, RegistrationQuestion, TargetGroup
from practices.serializers import PartnerLinkSerializer


class RegistrationSettingsSerializer(serializers.Serializer):
    """What an event's registration asks; whether it is open and how many places are left is live elsewhere.

    The detail is cached per content version, and places change with every
    registration without a publish: so the live state (`open`, `places_left`,
    `waiting_list`) is served, never cached, by GET /api/v2/registrations/terms/?event=<id>.
    """

    deadline = serializers.DateTimeField(allow_null=True, help_text="Registrations close then (else at the start).")
    capacity = serializers.IntegerField(allow_null=True, help_text="Places in all; null: unlimited.")
    confirmation = serializers.ChoiceField(choices=ConfirmationMode.choices)
    questions = serializers.ListField(
        child=serializers.ChoiceField(choices=RegistrationQuestion.choices),
        help_text="The optional questions the form asks, besides name, e-mail, country and kind of institution.",
    )
    state = serializers.CharField(help_text="The API path of the live state and terms of this event's form.")


class EventSummarySerializer(DeclaredPageSerializer):
    api_model = EventPage
    listed_only = True
    organiser = PartnerLinkSerializer(allow_null=True, help_text="In this item's locale.")
    registration = RegistrationSettingsSerializer(
        allow_null=True, help_text="Registration on the portal; null when the event takes none (see registration_url)."
    )

    def represent_organiser(self, page, render):
        organiser = render.related["partners"].get(page.organiser_key)
        if not organiser:
            return None
        return {**page_link(organiser, render, "partners"), "short_name": organiser.short_name}

    def represent_registration(self, page, render):
        if not page.registration_enabled:
            return None
        return {
            "deadline": iso(page.registration_deadline),
            "capacity": page.capacity,
            "confirmation": page.registration_confirmation,
            "questions": list(page.registration_questions),
            "state": f"/api/v2/registrations/terms/?event={page.pk}",
        }


class EventDetailSerializer(EventSummarySerializer):
    listed_only = False
    description = BODY_BLOCKS
    target_groups = serializers.ListField(child=serializers.ChoiceField(choices=TargetGroup.choices))
    related_practices = PageLinkSerializer(many=True, help_text="In this item's locale.")

    def represent_description(self, page, render):
        return render.stream(page.description)

    def represent_target_groups(self, page, render):
        return list(page.target_groups)

    def represent_related_practices(self, page, render):
        return [page_link(practice, render, "practices") for practice in render.related["practices"].get(page.pk, ())]
