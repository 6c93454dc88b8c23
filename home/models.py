"""The portal's landing page, holding the project's facts, and generic standard pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api_fields import PublicField
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.panels import IndexPageChooserPanel
from core.permissions import RolePermissionsMixin
from core.preview import PreviewMixin
from partners.models import PAGE_TRANSLATABLE_FIELDS


def _fact_list(verbose_name, help_text):
    return StreamField(
        [("item", blocks.TextBlock(label=_("item")))], blank=True, verbose_name=verbose_name, help_text=help_text
    )


class HomePage(RolePermissionsMixin, PreviewMixin, Page):
    """The landing page: the project's facts as structured content, plus editor-chosen highlights."""

    project_name = models.CharField(
        _("project name"),
        max_length=200,
        help_text=_("The project's name in this page's language, e.g. 'Razem dla rozwoju aglomeracji'."),
    )
    project_acronym = models.CharField(
        _("project acronym"),
        max_length=60,
        default="Agglomerations4Borderlands",
        help_text=_("The same in every language."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    programme = models.CharField(
        _("programme"), max_length=255, blank=True, help_text=_("e.g. Interreg V-A Czech Republic – Poland 2014–2020.")
    )
    period_start = models.DateField(_("project start"), null=True, blank=True)
    period_end = models.DateField(_("project end"), null=True, blank=True)
    co_financing = models.CharField(
        _("co-financing"), max_length=255, blank=True, help_text=_("e.g. co-financed by the ERDF.")
    )
    objectives = _fact_list(_("objectives"), _("One objective per item."))
    activities = _fact_list(_("activities"), _("One activity per item, in the order of the application."))
    target_groups = _fact_list(_("target groups"), _("One group per item."))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "practices.PracticeIndexPage",
        "events.EventIndexPage",
        "partners.PartnerIndexPage",
        "home.StandardPage",
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("project_name"),
                FieldPanel("project_acronym"),
                FieldPanel("programme"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("co_financing"),
            ],
            heading=_("Project facts"),
        ),
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldPanel("activities"),
        FieldPanel("target_groups"),
        InlinePanel("project_partners", label=_("Project partners")),
        InlinePanel("featured_practices", label=_("Featured practices"), max_num=6),
        InlinePanel("featured_events", label=_("Featured events"), max_num=6),
    ]

    #: The public API (`core.api_fields`): the home endpoint's fields after those of every page, in this order.
    public_api_fields = [
        PublicField("project_name"),
        PublicField("project_acronym"),
        PublicField("intro", help_text="HTML."),
        PublicField("programme"),
        PublicField("period_start"),
        PublicField("period_end"),
        PublicField("co_financing"),
        PublicField("objectives", computed=True),
        PublicField("activities", computed=True),
        PublicField("target_groups", computed=True),
        PublicField("partners", computed=True),
        PublicField("featured_practices", computed=True),
        PublicField("featured_events", computed=True),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("project_name"),
        TranslatableField("intro"),
        TranslatableField("programme"),
        TranslatableField("co_financing"),
        TranslatableField("objectives"),
        TranslatableField("activities"),
        TranslatableField("target_groups"),
        SynchronizedField("project_acronym"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("project_partners"),
        SynchronizedField("featured_practices"),
        SynchronizedField("featured_events"),
    ]

    class Meta:
        verbose_name = _("home page")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The project cannot end before it starts.")})


class HomeProjectPartner(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="project_partners")
    partner = models.ForeignKey("partners.PartnerPage", on_delete=models.CASCADE, related_name="+")

    panels = [IndexPageChooserPanel("partner", "partners.PartnerPage")]


class HomeFeaturedPractice(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_practices")
    practice = models.ForeignKey("practices.PracticePage", on_delete=models.CASCADE, related_name="+")

    panels = [IndexPageChooserPanel("practice", "practices.PracticePage")]


class HomeFeaturedEvent(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_events")
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")

    panels = [IndexPageChooserPanel("event", "events.EventPage")]


class StandardPage(RolePermissionsMixin, Page):
    """A generic content page, e.g. 'About the project' or 'Contact'."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short lead paragraph."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    #: The public API (`core.api_fields`): list items carry the listed fields, the detail all of them, in this order.
    public_api_fields = [
        PublicField("intro", listed=True, help_text="Plain text: a short lead paragraph."),
        PublicField("seo_title", listed=True, help_text="Title for search engines; empty: use `title`."),
        PublicField("search_description", listed=True, help_text="Plain text for `<meta name=description>`."),
        PublicField("body", computed=True),
    ]

    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro"), TranslatableField("body")]

    class Meta:
        verbose_name = _("standard page")
