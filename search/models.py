"""The search index (one row per live practice, event and partner page) and the place-name synonyms."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page

from search.text import TOKEN, fold


class SearchEntry(models.Model):
    """What search knows about one live page, in its own language.

    Written when a page is published (and removed when it is unpublished or
    deleted) by `search.indexing`; `manage.py update_index` rebuilds it all.
    The `*_terms` fields hold the lemmatised, folded terms of each part, so a
    query is matched and ranked without touching the pages' own tables;
    `vector` is the same terms as a PostgreSQL tsvector behind a GIN index
    (left empty on SQLite, which matches the terms with LIKE). Visibility is
    not stored: it is checked against the live page tree at query time.
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_prefixes = models.TextField(help_text="The title's words, folded, for autocomplete.")
    title_terms = models.TextField()
    summary_terms = models.TextField()
    body_terms = models.TextField()
    agglomeration = models.CharField(max_length=20, blank=True)
    published_at = models.DateTimeField(null=True)
    vector = SearchVectorField(null=True)

    class Meta:
        indexes = [models.Index(fields=["locale", "kind"], name="search_entry_locale_kind")]

    def __str__(self):
        return self.title


class SearchEntryTopic(models.Model):
    """A topic of an indexed practice, by slug (the same in every language), for the topic facet."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="topics")
    slug = models.SlugField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "slug"], name="unique_search_entry_topic")]
        indexes = [models.Index(fields=["slug", "entry"], name="search_topic_slug_entry")]

    def __str__(self):
        return self.slug


class PlaceName(models.Model):
    """One place under its Polish, Czech and other names: a query for any of them finds them all.

    Not translatable: a place has one entry holding every language's name, and
    both languages' searches read the same list. Changes apply to the next
    search at once; nothing needs re-indexing.
    """

    polish = models.CharField(_("Polish name"), max_length=100, help_text=_("e.g. Ołomuniec"))
    czech = models.CharField(_("Czech name"), max_length=100, help_text=_("e.g. Olomouc"))
    other_names = models.CharField(
        _("other names"),
        max_length=255,
        blank=True,
        help_text=_("Further names or spellings, separated by commas, e.g. German or historical names."),
    )

    panels = [FieldPanel("polish"), FieldPanel("czech"), FieldPanel("other_names")]

    class Meta:
        verbose_name = _("place name")
        verbose_name_plural = _("place names")
        ordering = ["polish"]

    def __str__(self):
        return f"{self.polish} / {self.czech}"

    def names(self):
        """Every name of the place, as written."""
        others = [name.strip() for name in self.other_names.split(",")]
        return [name for name in (self.polish, self.czech, *others) if name]

    def clean(self):
        super().clean()
        if any(not TOKEN.search(fold(name)) for name in self.names()):
            raise ValidationError(_("Every name needs at least one letter."))
