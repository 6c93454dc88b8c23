"""Where to send content events (pages and topics), and what happened to each attempt to send one."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.fields import MultipleChoiceField
from webhooks.targets import validate_webhook_url


# Words in the "webhook" context mean something else elsewhere: "event" is an event page,
# "Publish" and "Delete" are Wagtail's buttons. The project's catalogue takes precedence
# over Wagtail's, so without a context their webhook translations would relabel those.
class Event(models.TextChoices):
    PUBLISH = "publish", pgettext_lazy("webhook", "Publish")
    UNPUBLISH = "unpublish", pgettext_lazy("webhook", "Unpublish")
    DELETE = "delete", pgettext_lazy("webhook", "Delete")
    MOVE = "move", pgettext_lazy("webhook", "Move")
    TEST = "test", pgettext_lazy("webhook", "Test")


#: The events an endpoint can subscribe to; "test" is only ever sent by the admin's button.
SUBSCRIBABLE_EVENTS = [(value, label) for value, label in Event.choices if value != Event.TEST]


class ItemType(models.TextChoices):
    """What an event is about, as the public API names it (`type` in every item; topics are snippets)."""

    PRACTICE = "practice", _("Good practice")
    EVENT = "event", _("Event")
    PARTNER = "partner", _("Partner")
    HOME = "home", _("Home page")
    PAGE = "page", _("Standard page")
    INDEX = "index", _("Index page")
    TOPIC = "topic", _("Topic")


def new_secret():
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A receiver of page events, e.g. the frontend's rebuild hook; registered by administrators."""

    name = models.CharField(_("name"), max_length=100, help_text=_("Who receives it, e.g. 'Frontend rebuild'."))
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("Events are POSTed here as JSON."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        default=new_secret,
        help_text=_(
            "Signs every request (X-A4B-Signature: HMAC-SHA256 of the timestamp and the body); "
            "share it with the receiver."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Inactive endpoints receive nothing."))
    events = MultipleChoiceField(
        pgettext_lazy("webhook", "events"),
        choices=SUBSCRIBABLE_EVENTS,
        default=list,
        help_text=_("What to send."),
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        blank=True,
        verbose_name=_("languages"),
        help_text=_("Only pages in these languages; none selected: every language."),
    )
    content_types = MultipleChoiceField(
        _("content types"),
        choices=ItemType.choices,
        blank=True,
        default=list,
        help_text=_("Only these types; none selected: every type."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_events_display(self):
        """The subscribed events' labels, in the admin's language: the field stores their codes."""
        labels = dict(Event.choices)
        return ", ".join(str(labels.get(event, event)) for event in self.events)

    def wants(self, event, content_type, locale_id):
        """Whether this endpoint subscribed to `event` for an item (page or topic) of this type and locale."""
        if event == Event.TEST:
            return True
        if not self.is_active or event not in self.events:
            return False
        if self.content_types and content_type not in self.content_types:
            return False
        locale_ids = {locale.pk for locale in self.locales.all()}
        return not locale_ids or locale_id in locale_ids


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("webhook", "Pending")
    RETRYING = "retrying", pgettext_lazy("webhook", "Retrying")
    SUCCEEDED = "succeeded", pgettext_lazy("webhook", "Succeeded")
    FAILED = "failed", pgettext_lazy("webhook", "Failed")


class WebhookDelivery(models.Model):
    """One event for one endpoint, and the outcome of every attempt to deliver it."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event = models.CharField(pgettext_lazy("webhook", "event"), max_length=20, choices=Event.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    status_code = models.PositiveIntegerField(
        _("status code"), null=True, blank=True, help_text=_("Of the last attempt.")
    )
    latency_ms = models.PositiveIntegerField(
        _("latency (ms)"), null=True, blank=True, help_text=_("Of the last attempt.")
    )
    error = models.TextField(_("error"), blank=True, help_text=_("Of the last attempt."))
    #: Every attempt: {"attempt", "at", "status_code", "latency_ms", "error"}.
    attempt_log = models.JSONField(_("attempt log"), default=list, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    #: Set while a worker is sending it: a worker killed meanwhile leaves it set, and once it
    #: has passed the attempt counts as lost and is retried (webhooks.recovery).
    lease_expires_at = models.DateTimeField(_("attempt under way until"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_event_display()} → {self.endpoint} ({self.get_status_display()})"
