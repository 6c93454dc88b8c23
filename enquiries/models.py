"""Visitors' questions about practices, kept for ENQUIRY_RETENTION_DAYS, and the count that outlives them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from practices.models import PracticePage


class Enquiry(models.Model):
    """One question, as the owner received it (or will, once the mail server answers).

    The practice's locale is copied in, so editors are given the questions of their
    language by one indexed column and a question stays theirs if its page moves.
    """

    practice = models.ForeignKey(PracticePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("practice"))
    locale = models.ForeignKey(Locale, on_delete=models.PROTECT, related_name="+", verbose_name=_("language"))
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"))
    share_address = models.BooleanField(
        _("address shared with the owner"),
        help_text=_("The visitor agreed that the owner may see their e-mail address and reply to it."),
    )
    language = models.CharField(_("visitor's language"), max_length=8)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name}: {self.practice.title}"


class PracticeInterest(models.Model):
    """How many questions a practice drew: counted as they come, so deleting old questions keeps the figure."""

    practice = models.OneToOneField(
        PracticePage,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="interest",
        verbose_name=_("practice"),
    )
    questions = models.PositiveIntegerField(_("questions"), default=0)
    last_question_at = models.DateTimeField(_("last question"), null=True)

    class Meta:
        verbose_name = _("interest in a practice")
        verbose_name_plural = _("interest in practices")
        ordering = ["-questions", "practice_id"]

    def __str__(self):
        return f"{self.practice.title}: {self.questions}"
