"""A practice proposed through the public form, as the proposer wrote it: for the editors only, never public.

It holds the fields of the Interreg-grade practice template in plain text, the
proposer's contact and consent, and what the editors decided. Editors turn a
proposal into a draft practice page (`services.create_draft`); the proposal itself
is deleted PROPOSAL_RETENTION_DAYS after the decision (`purge_proposals`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.models import Coordinates
from partners.models import PartnerPage
from practices.models import PracticePage

TITLE_MAX_LENGTH = 100
SUMMARY_MAX_LENGTH = 300
TEXT_MAX_LENGTH = 5000


class PracticeProposal(Coordinates, models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("accepted into a draft")
        DECLINED = "declined", _("declined")

    locale = models.ForeignKey(
        Locale,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("language"),
        help_text=_("The form's language: this language's editors handle the proposal."),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    challenge = models.TextField(_("challenge addressed"))
    solution = models.TextField(_("what was done"))
    resources = models.TextField(_("resources needed"), blank=True)
    timescale = models.CharField(_("timescale"), max_length=200, blank=True)
    results = models.TextField(_("evidence of success"))
    difficulties = models.TextField(_("difficulties encountered"), blank=True)
    transferability = models.TextField(_("potential for learning or transfer"))
    municipality = models.CharField(_("municipality"), max_length=120)
    topics = models.JSONField(_("topics"), default=list, blank=True, help_text=_("Slugs of topics."))
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    partner = models.ForeignKey(
        PartnerPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner institution"),
    )
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    proposer_name = models.CharField(_("proposer's name"), max_length=100)
    proposer_email = models.EmailField(_("proposer's e-mail"))
    proposer_organisation = models.CharField(_("proposer's organisation"), max_length=200, blank=True)
    language = models.CharField(_("proposer's language"), max_length=8)
    consent_version = models.CharField(
        _("consent text version"), max_length=20, help_text=_("The version of the terms the proposer agreed to.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    draft = models.ForeignKey(
        PracticePage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("draft practice"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("practice proposal")
        verbose_name_plural = _("practice proposals")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title
