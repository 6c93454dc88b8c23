"""Registrations for events, and the one row per event that serialises who gets the last place.

Both languages of an event are one event: registrations are keyed on the event's
`translation_key`, so a registration on the Czech page and one on the Polish page
count against the one (synchronised) capacity.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.models import Country
from events.models import EventPage


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    PENDING = "pending", _("Awaiting the organiser")
    WAITING = "waiting", _("Waiting list")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


#: The statuses that hold one of the event's places.
HOLDING_A_PLACE = (Status.CONFIRMED, Status.PENDING)


class InstitutionKind(models.TextChoices):
    PUBLIC_ADMINISTRATION = "public_administration", _("Public administration")
    UNIVERSITY = "university", _("University or research")
    BUSINESS_SUPPORT = "business_support", _("Business support")
    MUNICIPAL_COMPANY = "municipal_company", _("Municipality-owned company")
    NGO = "ngo", _("Non-governmental organisation")
    OTHER = "other", _("Other")


class VisitLanguage(models.TextChoices):
    POLISH = "pl", _("Polish")
    CZECH = "cs", _("Czech")
    BOTH = "both", _("Polish and Czech")


class EventSeats(models.Model):
    """One row per event (its translation key), locked while a place is given or given back.

    Counting registrations cannot be locked (there may be none yet), so every
    change of who holds a place first takes this row `select_for_update`: two
    visitors taking the last place at once are served one after the other.
    """

    event_key = models.UUIDField(unique=True)

    class Meta:
        verbose_name = _("event places")

    def __str__(self):
        return str(self.event_key)


class Registration(models.Model):
    """One person's registration; personal fields are emptied `REGISTRATION_RETENTION_DAYS` after the event.

    What stays after anonymisation (country, kind of institution, status and
    attendance) is what the statistics count; no person can be told from it.
    """

    event_key = models.UUIDField(_("event"), db_index=True)
    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("event page registered on")
    )
    locale = models.ForeignKey(Locale, on_delete=models.PROTECT, related_name="+", verbose_name=_("language"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    name = models.CharField(_("full name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    institution_kind = models.CharField(_("kind of institution"), max_length=24, choices=InstitutionKind.choices)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    visit_language = models.CharField(
        _("language of the visit"), max_length=4, choices=VisitLanguage.choices, blank=True
    )
    needs = models.TextField(_("dietary or accessibility needs"), max_length=1000, blank=True)
    internship_period = models.CharField(_("internship period wished"), max_length=200, blank=True)
    internship_host = models.CharField(_("host institution wished"), max_length=200, blank=True)
    language = models.CharField(_("visitor's language"), max_length=8)
    #: The random half of the cancellation link (the link is this, signed, with the registration's id).
    secret = models.CharField(max_length=43, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name or f"#{self.pk}"
