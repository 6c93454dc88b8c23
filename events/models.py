"""Events: study visits on both sides of the border, staff exchanges, network meetings."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api_fields import PublicField, wagtail_search_fields
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.models import Coordinates, Country
from core.panels import IndexPageChooserPanel
from core.permissions import RolePermissionsMixin
from core.preview import PreviewMixin
from events.fields import MultipleChoiceField
from partners.models import PAGE_TRANSLATABLE_FIELDS


class EventIndexPage(RolePermissionsMixin, Page):
    """The calendar of events; holds only events."""

    intro = RichTextField(
        _("introduction"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("Shown above the list of events.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    class Meta:
        verbose_name = _("event index")


class EventType(models.TextChoices):
    STUDY_VISIT = "study_visit", _("Study visit")
    STAFF_EXCHANGE = "staff_exchange", _("Staff exchange / internship")
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class TargetGroup(models.TextChoices):
    OFFICIALS = "officials", _("Public-policy officials")
    INSTITUTIONS = "institutions", _("Cooperating institutions")
    RESIDENTS = "residents", _("Residents")


class ConfirmationMode(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatically, while places last")
    ORGANISER = "organiser", _("By the organiser")


class RegistrationQuestion(models.TextChoices):
    """Optional questions of the portal's registration form.

    Name, e-mail, country and kind of institution are always asked (the statistics count the last two).
    """

    INSTITUTION = "institution", _("Institution")
    POSITION = "position", _("Position")
    VISIT_LANGUAGE = "visit_language", _("Language of the visit (Polish, Czech or both)")
    NEEDS = "needs", _("Dietary or accessibility needs")
    INTERNSHIP = "internship", _("Internship: period and host institution wished")


class EventPage(RolePermissionsMixin, PreviewMixin, Coordinates, Page):
    """One event. Times are stored timezone-aware and entered in Europe/Warsaw (the same as Prague)."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        validators=[MaxLengthValidator(300)],
        help_text=_("At most 300 characters; shown in lists and widgets."),
    )
    event_type = models.CharField(_("event type"), max_length=20, choices=EventType.choices)
    start = models.DateTimeField(_("start"), help_text=_("Local time (Europe/Warsaw)."))
    end = models.DateTimeField(_("end"), help_text=_("Local time; not before the start."))
    is_all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Times are not shown for all-day events.")
    )
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("e.g. City Hall, conference room.")
    )
    venue_address = models.CharField(_("venue address"), max_length=255, blank=True)
    city = models.CharField(
        _("city"), max_length=120, help_text=_("In this page's language, e.g. Ołomuniec / Olomouc.")
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    organiser = models.ForeignKey(
        "partners.PartnerPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        verbose_name=_("organiser"),
    )
    target_groups = MultipleChoiceField(
        _("target groups"), choices=TargetGroup.choices, blank=True, help_text=_("Who the event is for.")
    )
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Number of places.")
    )
    registration_enabled = models.BooleanField(
        _("registration on the portal"),
        default=False,
        help_text=_("Visitors register on the event's page; you see and export the registrations in the admin."),
    )
    registration_confirmation = models.CharField(
        _("places are confirmed"),
        max_length=20,
        choices=ConfirmationMode.choices,
        default=ConfirmationMode.AUTOMATIC,
    )
    registration_questions = MultipleChoiceField(
        _("questions asked"),
        choices=RegistrationQuestion.choices,
        blank=True,
        help_text=_("Besides name, e-mail, country and kind of institution, which are always asked."),
    )
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED)

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("is_all_day")]),
        IndexPageChooserPanel("organiser", "partners.PartnerPage"),
        FieldPanel("target_groups"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Venue"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
                FieldPanel("registration_confirmation"),
                FieldPanel("registration_questions"),
                FieldPanel("registration_url"),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("related_practices", label=_("Related practices")),
    ]

    #: The public API (`core.api_fields`): list items carry the listed fields, the detail all of them, in this order;
    #: `search` says which part of the page's site-search entry a field's text goes into.
    public_api_fields = [
        PublicField("summary", listed=True, search="summary"),
        PublicField("event_type", listed=True),
        PublicField("status", listed=True),
        PublicField("start", listed=True, help_text="ISO 8601 with the Europe/Warsaw offset."),
        PublicField("end", listed=True),
        PublicField("is_all_day", listed=True),
        PublicField("venue_name", listed=True, search="summary", search_order=1),
        PublicField("city", listed=True, search="summary"),
        PublicField("country", listed=True),
        PublicField("registration_url", listed=True),
        PublicField("registration_deadline", listed=True),
        PublicField(
            "registration",
            listed=True,
            computed=True,
            columns=(
                "registration_enabled",
                "registration_deadline",
                "capacity",
                "registration_confirmation",
                "registration_questions",
            ),
        ),
        PublicField("latitude", listed=True),
        PublicField("longitude", listed=True),
        PublicField("organiser", listed=True, computed=True),
        PublicField("description", computed=True, search="body"),
        PublicField("venue_address"),
        PublicField("target_groups", computed=True),
        PublicField("capacity"),
        PublicField("related_practices", computed=True),
    ]

    #: Wagtail's own index (`Page.objects.search()`): the declared searchable fields, and filters.
    search_fields = [
        *Page.search_fields,
        *wagtail_search_fields(public_api_fields),
        index.FilterField("event_type"),
        index.FilterField("start"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("venue_name"),
        TranslatableField("venue_address"),
        TranslatableField("city"),
        TranslatableField("description"),
        SynchronizedField("event_type"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("is_all_day"),
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("organiser"),
        SynchronizedField("target_groups"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_enabled"),
        SynchronizedField("registration_confirmation"),
        SynchronizedField("registration_questions"),
        SynchronizedField("status"),
        SynchronizedField("related_practices"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end cannot be before the start.")
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            errors["registration_deadline"] = _("The registration deadline cannot be after the event ends.")
        if self.registration_enabled and self.registration_url:
            errors["registration_url"] = _(
                "An event is registered for either on the portal or at an external link, not both: "
                "clear the link or turn off registration on the portal."
            )
        if errors:
            raise ValidationError(errors)


class EventRelatedPractice(Orderable):
    """A good practice the event presents or visits; localised when read, like every page link."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_practices")
    practice = models.ForeignKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="event_links", verbose_name=_("practice")
    )

    panels = [IndexPageChooserPanel("practice", "practices.PracticePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related practice")
