from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    """A list of choice values stored as JSON, edited as checkboxes.

    Portable between SQLite (the demo) and PostgreSQL, unlike ArrayField, and
    validated against its choices like any choice field.
    """

    def __init__(self, *args, choices=(), **kwargs):
        self.allowed_choices = list(choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.allowed_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.allowed_choices}
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError(_("Expected a list of choices."), code="invalid")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise ValidationError(_("Unknown choice(s): %(values)s."), params={"values": ", ".join(unknown)})

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.allowed_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )
