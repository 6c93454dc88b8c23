"""The practices' pages: the catalogue, and a practice modelled on the Interreg Europe good-practice record.

Its topics and implementing institutions, edited inline, are in `links`.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api_fields import PublicField, wagtail_search_fields
from core.blocks import RICH_TEXT_FEATURES, BodyBlock, DocumentBlock, ExternalLinkBlock
from core.images.pages import ImageAltPageForm
from core.models import Coordinates
from core.permissions import RolePermissionsMixin
from core.preview import PreviewMixin
from core.validators import validate_nuts3_code
from partners.models import PAGE_TRANSLATABLE_FIELDS
from practices.models.choices import Agglomeration, Currency, FundingSource
from translation.roles import locale_workflow
from translation.status import translation_into_locale_of


class PracticeIndexPage(RolePermissionsMixin, Page):
    """The catalogue of good practices; holds only practices."""

    intro = RichTextField(
        _("introduction"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("Shown above the list of practices.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.PracticePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    class Meta:
        verbose_name = _("practice index")


def _rich_text(verbose_name, help_text):
    return RichTextField(verbose_name, blank=True, features=RICH_TEXT_FEATURES, help_text=help_text)


class PracticePage(RolePermissionsMixin, PreviewMixin, Coordinates, Page):
    """A good practice: what was done, by whom, with what result, and whether it can travel across the border."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_("At most 300 characters; shown in lists, search results and widgets."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("The full story of the practice."))
    challenge = _rich_text(_("challenge addressed"), _("The problem or need the practice responds to."))
    what_was_done = _rich_text(_("what was done"), _("The activities carried out, step by step."))
    resources_needed = _rich_text(_("resources needed"), _("People, money, equipment and partners it took."))
    budget_amount = models.DecimalField(
        _("budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Total cost, if known."),
    )
    budget_currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    start_date = models.DateField(_("start date"), help_text=_("When the practice began."))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty if ongoing."))
    is_ongoing = models.BooleanField(_("ongoing"), default=False, help_text=_("Tick if the practice is still running."))
    results = _rich_text(_("evidence of success"), _("Results achieved, with figures where possible."))
    difficulties = _rich_text(_("difficulties encountered"), _("Obstacles and how they were overcome."))
    transferability = _rich_text(
        _("potential for learning or transfer"),
        _("What the other side of the border could take from it, and under what conditions."),
    )
    agglomeration = models.CharField(_("agglomeration"), max_length=20, choices=Agglomeration.choices)
    municipality = models.CharField(
        _("municipality"),
        max_length=120,
        blank=True,
        help_text=_("Name in this page's language, e.g. Ołomuniec / Olomouc."),
    )
    nuts3_code = models.CharField(
        _("NUTS-3 code"),
        max_length=5,
        blank=True,
        validators=[validate_nuts3_code],
        help_text=_("Statistical region, e.g. PL524 (Opolski) or CZ071 (Olomoucký kraj)."),
    )
    funding_source = models.CharField(_("funding source"), max_length=20, choices=FundingSource.choices)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
    )
    main_image_alt = models.CharField(
        _("alternative text of the main image"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, in this page's language, for people who cannot see it. Left empty, the "
            "image's description from the library is copied here when you save; it is translated with the page."
        ),
    )
    documents = StreamField(
        [("document", DocumentBlock())],
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Reports, plans, leaflets."),
    )
    external_links = StreamField(
        [("link", ExternalLinkBlock())], blank=True, verbose_name=_("external links"), help_text=_("Related websites.")
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_is_public = models.BooleanField(
        _("show contact publicly"),
        default=False,
        help_text=_("Only ticked contacts are published; others stay visible to editors only."),
    )
    is_sample_record = models.BooleanField(
        _("sample record"),
        default=False,
        help_text=_(
            "Tick for an illustrative record that is not taken from a published source; it is labelled as such."
        ),
    )
    #: Set by the "Good practice check" workflow when both countries' experts approved (the `validation` app);
    #: public once the page is published, so no panel: editors cannot declare a practice validated by hand.
    #: Synchronised, not overridable: a translation carries its original's validation when it is brought up to date.
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True, editable=False)

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("main_image"),
        FieldPanel("main_image_alt"),
        InlinePanel("topic_links", label=_("Topics"), min_num=1),
        FieldRowPanel([FieldPanel("agglomeration"), FieldPanel("funding_source")]),
        InlinePanel("institutions", label=_("Implementing institutions")),
        MultiFieldPanel(
            [
                FieldPanel("challenge"),
                FieldPanel("what_was_done"),
                FieldPanel("results"),
                FieldPanel("difficulties"),
                FieldPanel("transferability"),
            ],
            heading=_("The practice"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("resources_needed"),
                FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("budget_currency")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("is_ongoing")]),
            ],
            heading=_("Resources and timescale"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("nuts3_code"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        FieldPanel("documents"),
        FieldPanel("external_links"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("contact_is_public"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("is_sample_record"),
    ]

    #: The public API (`core.api_fields`): list items carry the listed fields, the detail all of them, in this order;
    #: `search` says which part of the page's site-search entry a field's text goes into.
    public_api_fields = [
        PublicField("summary", listed=True, search="summary"),
        PublicField("main_image", listed=True, computed=True, columns=("main_image_id", "main_image_alt")),
        PublicField("topics", listed=True, computed=True),
        PublicField("agglomeration", listed=True),
        PublicField("funding_source", listed=True),
        PublicField("municipality", listed=True, search="summary"),
        PublicField("start_date", listed=True),
        PublicField("end_date", listed=True),
        PublicField("is_ongoing", listed=True),
        PublicField("latitude", listed=True),
        PublicField("longitude", listed=True),
        PublicField("institutions", listed=True, computed=True),
        PublicField("is_sample_record", listed=True, help_text="An illustrative record, not from a published source."),
        PublicField("validated", listed=True, computed=True, columns=("validated_at",)),
        PublicField("body", computed=True, search="body", search_order=2),
        PublicField("challenge", help_text="HTML.", search="body"),
        PublicField("what_was_done", help_text="HTML.", search="body"),
        PublicField("resources_needed", help_text="HTML.", search="body", search_order=1),
        PublicField("budget", computed=True),
        PublicField("results", help_text="HTML: evidence of success.", search="body"),
        PublicField("difficulties", help_text="HTML.", search="body"),
        PublicField("transferability", help_text="HTML: potential for learning or transfer.", search="body"),
        PublicField("nuts3_code"),
        PublicField("documents", computed=True),
        PublicField("external_links", computed=True),
        PublicField("contact", computed=True),
        PublicField("events", computed=True),
        PublicField("validation", computed=True),
    ]

    #: Wagtail's own index (`Page.objects.search()`): the declared searchable fields, and filters.
    search_fields = [
        *Page.search_fields,
        *wagtail_search_fields(public_api_fields),
        index.FilterField("agglomeration"),
        index.FilterField("funding_source"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("challenge"),
        TranslatableField("what_was_done"),
        TranslatableField("resources_needed"),
        TranslatableField("results"),
        TranslatableField("difficulties"),
        TranslatableField("transferability"),
        TranslatableField("municipality"),
        TranslatableField("main_image_alt"),
        TranslatableField("documents"),
        TranslatableField("external_links"),
        TranslatableField("topic_links"),
        SynchronizedField("institutions"),
        SynchronizedField("budget_amount"),
        SynchronizedField("budget_currency"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("is_ongoing"),
        SynchronizedField("agglomeration"),
        SynchronizedField("nuts3_code"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("funding_source"),
        SynchronizedField("main_image"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_is_public"),
        SynchronizedField("is_sample_record"),
        SynchronizedField("validated_at", overridable=False),
    ]

    base_form_class = ImageAltPageForm
    image_alt_fields = {"main_image": "main_image_alt"}

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def get_workflow(self):
        """A translation goes through its language's translation review, not its section's practice check.

        The practices index of each locale carries the "Good practice check" for
        proposals written there; a Czech translation of a validated Polish
        practice is checked by Czech reviewers for its language only.
        """
        if self.pk and translation_into_locale_of(self) is not None:
            return locale_workflow(self.locale)
        return super().get_workflow()

    def clean(self):
        super().clean()
        errors = {}
        if self.budget_amount is not None and not self.budget_currency:
            errors["budget_currency"] = _("Choose the currency of the budget.")
        if self.budget_currency and self.budget_amount is None:
            errors["budget_amount"] = _("Give the amount, or clear the currency.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if not self.end_date and not self.is_ongoing:
            errors["is_ongoing"] = _("Give an end date, or tick 'ongoing' if the practice is still running.")
        if errors:
            raise ValidationError(errors)
