"""A practice's inline links: its topics (translated with it) and its implementing institutions (synchronised)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from core.panels import IndexPageChooserPanel
from practices.models.pages import PracticePage
from practices.models.topics import Topic


class PracticeTopic(TranslatableMixin, Orderable):
    """Links a practice to a topic; translated with the page, so a Czech practice points at Czech topics."""

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="practice_links", verbose_name=_("topic"))

    panels = [FieldPanel("topic")]
    translatable_fields = [TranslatableField("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("topic")


class PracticeInstitution(Orderable):
    """An institution that implemented the practice.

    Synchronised, not translated: links to pages are localised when read, as
    wagtail-localize does for page links everywhere.
    """

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="institutions")
    partner = models.ForeignKey(
        "partners.PartnerPage", on_delete=models.CASCADE, related_name="practice_links", verbose_name=_("partner")
    )

    panels = [IndexPageChooserPanel("partner", "partners.PartnerPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("implementing institution")
