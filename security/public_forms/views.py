"""Base views of a public form: its terms (with a fresh token) and the POST that checks everything shared."""

from django.utils import translation
from rest_framework import serializers
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.params.kinds import REPEATED
from core.api.renderers import CompactJSONRenderer
from security.public_forms.serializers import LANGUAGES
from security.public_forms.tokens import issue_token
from security.public_forms.visitor import visitor_address

#: Never kept by a browser or proxy: every answer carries a fresh token or concerns one visitor.
NO_STORE = {"Cache-Control": "no-store"}


class PublicFormView(APIView):
    """POST only. Subclasses set `serializer_class`, and implement `limits()` and `accept()`.

    The visitor's language (the form's `language`, else Accept-Language) is active
    while the form is checked, so field errors come in Polish or Czech. Limits are
    counted for valid forms only: a mistyped address should not cost a try.
    """

    authentication_classes = []
    renderer_classes = [CompactJSONRenderer]
    serializer_class = None

    def initial(self, request, *args, **kwargs):
        language = request.data.get("language") if hasattr(request.data, "get") else None
        if language not in LANGUAGES:
            language = translation.get_language_from_request(request._request)
        translation.activate(language)
        super().initial(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.serializer_class(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        address = visitor_address(request._request)
        for limit in self.limits(form.validated_data, address):
            allowed, retry_after = limit.hit()
            if not allowed:
                raise Throttled(wait=retry_after)
        status, body = self.accept(form.validated_data, address)
        return Response(body, status=status, headers=NO_STORE)

    def limits(self, data, address):
        """The `Limit`s this form counts against, for a valid form from `address`."""
        raise NotImplementedError

    def accept(self, data, address):
        """Act on a valid form within its limits: (status, JSON body)."""
        raise NotImplementedError


class TermsQuery(serializers.Serializer):
    locale = serializers.ChoiceField(choices=LANGUAGES, required=False, default=LANGUAGES[0])


class TermsView(APIView):
    """GET: what the visitor agrees to, in `locale`, with a fresh timing token for the form."""

    authentication_classes = []
    renderer_classes = [CompactJSONRenderer]
    form_name = ""
    query_serializer = TermsQuery

    def get(self, request, *args, **kwargs):
        params = request.query_params
        given_twice = {name: [REPEATED] for name in params if len(params.getlist(name)) > 1}
        if given_twice:
            raise ValidationError(given_twice)
        # A plain dict, not the QueryDict: DRF reads an empty value of an optional query field as "not
        # given" and would answer `?locale=` in the default language instead of refusing it.
        query = self.query_serializer(data=params.dict())
        query.is_valid(raise_exception=True)
        with translation.override(query.validated_data["locale"]):
            body = {**self.terms(query.validated_data), "token": issue_token(self.form_name)}
        return Response(body, headers=NO_STORE)

    def terms(self, query):
        raise NotImplementedError
