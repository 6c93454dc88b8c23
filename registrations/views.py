"""The registration form's API: its terms and live state, the POST, and the personal cancellation.

    GET  /api/v2/registrations/terms/?event=<id>&locale=pl   terms, places left, a timing token
    POST /api/v2/registrations/                              register (201), or 400/404/409/429/503
    GET  /api/v2/registrations/cancel/?token=…               what the link would cancel (never cancels)
    POST /api/v2/registrations/cancel/                       cancel; the first waiting person moves up

The event detail (cached per content version) says what an event's form asks;
places left and whether it is open change with every registration, without a
publish, so they are served here, by views that store nothing in the API cache
and answer with `Cache-Control: no-store`.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language, gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.params.kinds import REPEATED
from core.api.renderers import CompactJSONRenderer
from core.api.serializers import ErrorSerializer, iso
from core.api.tree import public_tree
from registrations import services
from registrations.links import registration_for_token
from registrations.models import Registration, Status
from registrations.selectors import closes_at, is_open, places_left, public_translations, registrable_event
from registrations.serializers import (
    FORM_NAME,
    CancelQuery,
    CancelSerializer,
    CancelStateSerializer,
    RegisteredSerializer,
    RegistrationSerializer,
    RegistrationTermsQuery,
    RegistrationTermsSerializer,
)
from security.public_forms import Limit, PublicFormView, TermsView
from security.public_forms.views import NO_STORE

BAD_FIELD = OpenApiResponse(
    ErrorSerializer, description="A field is invalid; `errors` names it, in the visitor's language."
)
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No public event with this id takes registrations here.")
THROTTLED = OpenApiResponse(ErrorSerializer, description="Too many requests from this address; see Retry-After.")


class Conflict(APIException):
    status_code = 409
    default_code = "conflict"


class RegistrationView(PublicFormView):
    """Register for an event. Both languages of an event share its places.

    201 with `status`: confirmed (a place), pending (the organiser confirms places)
    or waiting (the event is full: the waiting list). The visitor gets a mail in
    their language with the event's .ics and a personal cancellation link.
    """

    serializer_class = RegistrationSerializer

    @extend_schema(
        tags=["registrations"],
        request=RegistrationSerializer,
        responses={
            201: RegisteredSerializer,
            400: BAD_FIELD,
            404: NOT_FOUND,
            409: OpenApiResponse(ErrorSerializer, description="Registration is closed, or this address is registered."),
            429: OpenApiResponse(ErrorSerializer, description="Too many registrations from this address."),
            503: OpenApiResponse(
                RegisteredSerializer, description="Registered, but the confirmation mail could not be sent."
            ),
        },
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def limits(self, data, address):
        return [Limit("registration-address", settings.REGISTRATION_ADDRESS_RATE, address)]

    def accept(self, data, address):
        try:
            registration, sent = services.register(data["event"], data["answers"], language=get_language())
        except services.AlreadyRegistered:
            raise Conflict(gettext("This e-mail address is already registered for this event.")) from None
        except services.RegistrationClosed:
            raise Conflict(gettext("Registration for this event is closed.")) from None
        body = {"status": registration.status, "detail": outcome(registration.status)}
        if not sent:
            body["detail"] += " " + gettext("The confirmation e-mail could not be sent; the organiser has your data.")
        return (201 if sent else 503), body


def outcome(status):
    return {
        Status.CONFIRMED: gettext("Your place is confirmed. We have sent you an e-mail with the details."),
        Status.PENDING: gettext("Thank you. The organiser confirms places; you will receive an e-mail."),
        Status.WAITING: gettext("The event is full: you are on the waiting list. We will write if a place frees up."),
    }[status]


def event_title(event, with_translations=False):
    tree = public_tree()
    translations = {"translations": public_translations(event)} if with_translations else {}
    return {
        **translations,
        "id": event.pk,
        "title": event.title,
        "locale": tree.locale_codes[event.locale_id],
        "path": tree.path_for(event.locale_id, event.url_path),
        "start": iso(event.start),
        "end": iso(event.end),
    }


class RegistrationTermsView(TermsView):
    """The form's terms in `locale`, what it asks, its live state (open, places left) and a fresh token."""

    form_name = FORM_NAME
    query_serializer = RegistrationTermsQuery

    @extend_schema(
        tags=["registrations"],
        parameters=[RegistrationTermsQuery],
        responses={200: RegistrationTermsSerializer, 400: BAD_FIELD, 404: NOT_FOUND, 429: THROTTLED},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def terms(self, query):
        event = registrable_event(query["event"])
        if event is None:
            raise NotFound()
        days = settings.REGISTRATION_RETENTION_DAYS
        left = places_left(event)
        return {
            "event": event_title(event, with_translations=True),
            "open": is_open(event),
            "places_left": left,
            "waiting_list": left == 0,
            "deadline": iso(closes_at(event)),
            "confirmation": event.registration_confirmation,
            "questions": list(event.registration_questions),
            "purpose": gettext(
                "We use your data to organise this event: to confirm your place, to tell you about changes and "
                "to prepare the visit. We use it for nothing else."
            ),
            "recipients": gettext(
                "The event's organisers (the portal's editors of the event's languages) see your registration "
                "and answers; nobody else does, and nothing of it is published."
            ),
            "retention_days": days,
            "consent_to_processing": gettext(
                "I agree that my registration is kept until %(days)d days after the event and used as described "
                "above; after that only my country and kind of institution are kept, for statistics."
            )
            % {"days": days},
        }


class CancelView(APIView):
    """The personal cancellation link: GET says what it would cancel, POST cancels (never on GET)."""

    authentication_classes = []
    renderer_classes = [CompactJSONRenderer]

    @extend_schema(
        tags=["registrations"],
        parameters=[CancelQuery],
        responses={
            200: CancelStateSerializer,
            400: BAD_FIELD,
            404: OpenApiResponse(ErrorSerializer, description="The link is not valid (any more)."),
            429: THROTTLED,
        },
    )
    def get(self, request):
        params = request.query_params
        given_twice = {name: [REPEATED] for name in params if len(params.getlist(name)) > 1}
        if given_twice:
            raise ValidationError(given_twice)
        query = CancelQuery(data=params.dict())
        query.is_valid(raise_exception=True)
        with translation.override(query.validated_data["locale"]):
            registration = self.registration(query.validated_data["token"])
            return Response(state(registration), headers=NO_STORE)

    @extend_schema(
        tags=["registrations"],
        request=CancelSerializer,
        responses={
            200: CancelStateSerializer,
            400: BAD_FIELD,
            404: OpenApiResponse(ErrorSerializer, description="The link is not valid (any more)."),
            429: THROTTLED,
        },
    )
    def post(self, request):
        form = CancelSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        with translation.override(form.validated_data.get("language") or translation.get_language()):
            registration = services.cancel(self.registration(form.validated_data["token"]))
            body = {
                **state(registration),
                "detail": gettext("Your registration is cancelled. Thank you for telling us."),
            }
            return Response(body, headers=NO_STORE)

    def registration(self, token):
        queryset = Registration.objects.filter(anonymised_at__isnull=True).select_related("event")
        registration = registration_for_token(token, queryset)
        if registration is None:
            raise NotFound(gettext("This cancellation link is not valid (any more)."))
        return registration


def state(registration):
    return {
        "event": event_title(registration.event),
        "status": registration.status,
        "cancellable": registration.status not in (Status.CANCELLED, Status.DECLINED),
    }
