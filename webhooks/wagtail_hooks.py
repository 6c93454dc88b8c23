"""Admin screens for webhooks, shown to administrators only: endpoints, deliveries, "send test" and "resend"."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import register_permission_policy

from webhooks import views
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from webhooks.permissions import AdministratorsOnlyPolicy

register_permission_policy(WebhookEndpoint, AdministratorsOnlyPolicy(WebhookEndpoint))
# Deliveries are a record: administrators read them, nobody edits them.
register_permission_policy(WebhookDelivery, AdministratorsOnlyPolicy(WebhookDelivery, actions={"view"}))


class EndpointIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(
                _("Send test"),
                url=reverse("webhook_endpoints:send_test", args=[instance.pk]),
                icon_name="resubmit",
                priority=40,
            ),
            MenuItem(
                _("Deliveries"),
                url=reverse("webhook_deliveries:index") + f"?endpoint={instance.pk}",
                icon_name="list-ul",
                priority=50,
            ),
        ]


class EndpointCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhook_endpoints"
    icon = "link-external"
    menu_label = _("Endpoints")
    index_view_class = EndpointIndexView
    add_view_class = EndpointCreateView
    form_fields = ["name", "url", "secret", "is_active", "events", "locales", "content_types"]
    # A tick rather than "True"; "events" shows their labels (WebhookEndpoint.get_events_display).
    list_display = [
        "name",
        "url",
        BooleanColumn(
            "is_active", label=capfirst(WebhookEndpoint._meta.get_field("is_active").verbose_name), sort_key="is_active"
        ),
        "events",
        "updated_at",
    ]
    search_fields = ["name", "url"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("send-test/<int:pk>/", views.send_test, name="send_test")]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "url":
            # Receivers should use TLS; a URL typed without a scheme means https.
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, **kwargs)


def resend_url(user, delivery):
    """Where "Resend" leads, for a failed delivery and someone who may manage webhooks; None otherwise."""
    if delivery.status != DeliveryStatus.FAILED or not views.can_manage_webhooks(user):
        return None
    return reverse("webhook_deliveries:resend", args=[delivery.pk])


class DeliveryIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := resend_url(self.request.user, instance):
            buttons.append(MenuItem(_("Resend"), url=url, icon_name="resubmit", priority=40))
        return buttons


class DeliveryInspectView(InspectView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if url := resend_url(self.request.user, self.object):
            buttons.append(HeaderButton(_("Resend"), url=url, icon_name="resubmit"))
        return buttons


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    name = "webhook_deliveries"
    icon = "resubmit"
    menu_label = _("Deliveries")
    index_view_class = DeliveryIndexView
    inspect_view_class = DeliveryInspectView
    # Required by ModelViewSet; unused, as the permission policy allows no edits.
    form_fields = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "endpoint",
        "event",
        "status",
        "status_code",
        "latency_ms",
        "attempts",
        "error",
        "created_at",
    ]
    list_filter = ["endpoint", "event", "status"]
    inspect_view_fields = [
        "endpoint",
        "event",
        "status",
        "attempts",
        "status_code",
        "latency_ms",
        "error",
        "next_attempt_at",
        "created_at",
        "updated_at",
        "payload",
        "attempt_log",
    ]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("resend/<int:pk>/", views.resend_delivery, name="resend")]


class WebhooksGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    menu_order = 900
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)


@hooks.register("register_admin_viewset")
def register_viewset():
    return WebhooksGroup()
