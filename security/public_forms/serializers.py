"""The fields every public form carries besides its own: the timing token, the honeypot, the language."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from security.public_forms.tokens import TokenRefused, check_token

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class PublicFormSerializer(serializers.Serializer):
    """Subclasses name their form (`form_name`, as the token was issued for it) and add their fields."""

    form_name = ""

    token = serializers.CharField(
        write_only=True,
        allow_blank=True,
        help_text="The `token` of this form's terms endpoint, unchanged; it must be at least a few seconds old.",
    )
    website = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        help_text="Honeypot: hide it from people and leave it empty; a filled one is refused.",
    )
    language = serializers.ChoiceField(
        choices=LANGUAGES,
        required=False,
        help_text="The visitor's language, for error messages and mail; else Accept-Language decides.",
    )

    def validate_website(self, value):
        if value:
            raise serializers.ValidationError(_("This field must be left empty."))
        return value

    def validate_token(self, value):
        try:
            check_token(self.form_name, value)
        except TokenRefused as refusal:
            raise serializers.ValidationError(str(refusal)) from None
        return value
