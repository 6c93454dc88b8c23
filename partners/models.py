"""Partner profiles: the institutions that run the project and its practices."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api_fields import PublicField, wagtail_search_fields
from core.blocks import RICH_TEXT_FEATURES
from core.models import Coordinates, Country
from core.permissions import RolePermissionsMixin
from core.preview import PreviewMixin

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class PartnerIndexPage(RolePermissionsMixin, Page):
    """The list of partner institutions; holds only partner profiles."""

    intro = RichTextField(
        _("introduction"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("Shown above the list of partners.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    class Meta:
        verbose_name = _("partner index")


class InstitutionType(models.TextChoices):
    ASSOCIATION_OF_MUNICIPALITIES = "association_of_municipalities", _("Association of municipalities")
    CITY = "city", _("City")
    REGIONAL_DEVELOPMENT_AGENCY = "regional_development_agency", _("Regional development agency")
    UNIVERSITY = "university", _("University")
    BUSINESS_SUPPORT = "business_support", _("Business support organisation")
    NGO = "ngo", _("Non-governmental organisation")
    OTHER = "other", _("Other")


class PartnerRole(models.TextChoices):
    LEAD_PARTNER = "lead_partner", _("Lead partner")
    PARTNER = "partner", _("Partner")
    COOPERATING_INSTITUTION = "cooperating_institution", _("Cooperating institution")


class PartnerPage(RolePermissionsMixin, PreviewMixin, Coordinates, Page):
    """An institution's profile. The page title is its official name."""

    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("Abbreviation used in lists, e.g. SAO or RARSM.")
    )
    institution_type = models.CharField(_("institution type"), max_length=40, choices=InstitutionType.choices)
    role = models.CharField(_("role in the project"), max_length=40, choices=PartnerRole.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    address = models.TextField(
        _("address"), blank=True, help_text=_("Postal address, one line per row, in this page's language.")
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International format, e.g. +48 77 ...")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Who the institution is and what it does."),
    )

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    content_panels = [
        FieldPanel("title", help_text=_("The institution's official name.")),
        FieldPanel("short_name"),
        FieldRowPanel([FieldPanel("institution_type"), FieldPanel("role"), FieldPanel("country")]),
        FieldPanel("logo"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Contact details"),
        ),
        InlinePanel("contacts", label=_("Contact people")),
    ]

    #: The public API (`core.api_fields`): list items carry the listed fields, the detail all of them, in this order;
    #: `search` says which part of the page's site-search entry a field's text goes into.
    public_api_fields = [
        PublicField("short_name", listed=True, search="title"),
        PublicField("institution_type", listed=True),
        PublicField("role", listed=True),
        PublicField("country", listed=True),
        PublicField("website", listed=True),
        PublicField("latitude", listed=True),
        PublicField("longitude", listed=True),
        PublicField("logo", listed=True, computed=True, columns=("logo_id",)),
        PublicField("address", search="body", search_order=1),
        PublicField("email"),
        PublicField("phone"),
        PublicField("description", help_text="HTML.", search="body"),
        PublicField("contacts", computed=True),
        PublicField("practices", computed=True),
        PublicField("events", computed=True),
    ]

    #: Wagtail's own index (`Page.objects.search()`): the declared searchable fields, and filters.
    search_fields = [
        *Page.search_fields,
        *wagtail_search_fields(public_api_fields),
        index.FilterField("country"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("short_name"),
        TranslatableField("address"),
        TranslatableField("description"),
        TranslatableField("contacts"),
        SynchronizedField("institution_type"),
        SynchronizedField("role"),
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("website"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("logo"),
    ]

    class Meta:
        verbose_name = _("partner profile")


class PartnerContact(TranslatableMixin, Orderable):
    """A contact person at a partner institution, in the order editors set."""

    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    position = models.CharField(_("position"), max_length=160, blank=True, help_text=_("Job title or role."))
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("email"), FieldPanel("phone")]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("position"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact person")
