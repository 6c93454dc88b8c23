"""Topics: the themes of good practices, a snippet editors manage, translate and review like pages."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

from translation.roles import locale_workflow


class Topic(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A theme of good practices; a fixed list that editors manage and translate.

    Drafts, revisions and workflows let a topic's translation wait for a
    reviewer like a page's does: it is saved as a draft revision, and only the
    approval in its locale's review workflow publishes it; readers see live
    topics only. Locking lets Wagtail's editor lock a topic in review to all
    but its reviewers, as Wagtail recommends for snippets with workflows.
    """

    name = models.CharField(
        _("name"), max_length=100, help_text=_("Shown on practices, e.g. 'Mobility and transport'.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Stable identifier used in filters and URLs; the same in every language."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences for the topic page.")
    )

    # Wagtail's snippet docs: named relations, so revisions and workflow states can be queried from a topic.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="topic")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="topic",
        for_concrete_model=False,
    )

    # wagtail-localize makes a translation by copying the source topic: the copy must not claim the source's
    # publication (its live revision and dates) or its lock.
    exclude_fields_in_copy = [
        "live_revision",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
    ]

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Leave a published topic's row alone when a draft is saved over it, as Wagtail's editor does.

        Every time a practice is submitted for translation, wagtail-localize
        saves each of its topics' translations again as a draft: it writes the
        content (source text standing in for missing strings) onto the object,
        sets it not live, then makes the revision. On a topic already
        translated and published, that would take it offline. Here the row
        stays as published and the draft lives in the revision only.
        Unpublishing clears `live_revision` and is not affected, nor are saves
        of named fields (a new revision's bookkeeping).
        """
        if kwargs.get("update_fields") is None and self._draft_over_published():
            return
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def get_workflow(self):
        """The review workflow of the topic's locale, the one its home page has.

        Wagtail assigns snippet workflows per model, but review is per locale:
        a Czech topic goes to the Czech reviewers, as a Czech page does.
        """
        return locale_workflow(self.locale)

    def _draft_over_published(self):
        if self.pk is None or self.live or self.live_revision_id is None:
            return False
        return type(self).objects.filter(pk=self.pk, live=True).exists()
