"""Abstract models and choices used by more than one content app."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.validators import latitude_validators, longitude_validators


class Country(models.TextChoices):
    POLAND = "PL", _("Poland")
    CZECHIA = "CZ", _("Czechia")


class Coordinates(models.Model):
    """A point on the map, WGS 84 decimal degrees; both parts or neither."""

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=latitude_validators,
        help_text=_("WGS 84 decimal degrees, between -90 and 90 (Opole is about 50.67)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=longitude_validators,
        help_text=_("WGS 84 decimal degrees, between -180 and 180 (Olomouc is about 17.25)."),
    )

    class Meta:
        abstract = True

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Give both latitude and longitude, or neither.")})
