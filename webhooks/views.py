"""The admin's actions beyond Wagtail's generic views: "send test" on an endpoint, "resend" on a failed delivery."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.permissions import policy_registry

from webhooks.models import DeliveryStatus, Event, WebhookDelivery, WebhookEndpoint
from webhooks.payloads import test_payload
from webhooks.tasks import queue_deliveries, resend


def can_manage_webhooks(user):
    """Whoever may change endpoints may also make them send (a test, a failed delivery again)."""
    return policy_registry.get_by_type(WebhookEndpoint).user_has_permission(user, "change")


def send_test(request, pk):
    """GET asks for confirmation; POST (CSRF-checked) queues a test delivery and shows the deliveries."""
    if not can_manage_webhooks(request.user):
        raise PermissionDenied
    endpoint = get_object_or_404(WebhookEndpoint, pk=pk)
    if request.method == "POST":
        queue_deliveries([endpoint], event=Event.TEST, payload=test_payload())
        messages.success(request, _("Test delivery to '%(name)s' queued.") % {"name": endpoint.name})
        return redirect(reverse("webhook_deliveries:index") + f"?endpoint={endpoint.pk}")
    return TemplateResponse(
        request,
        "webhooks/send_test.html",
        {"endpoint": endpoint, "page_title": _("Send a test delivery"), "header_icon": "resubmit"},
    )


def resend_delivery(request, pk):
    """GET asks for confirmation; POST (CSRF-checked) queues a failed delivery again and shows the deliveries.

    Only a failed delivery: one still pending or retrying is already on its way, and
    one that succeeded was delivered. An inactive endpoint receives nothing, so it is
    refused with a word on what to do rather than failing again at once.
    """
    if not can_manage_webhooks(request.user):
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("endpoint"), pk=pk)
    deliveries_url = reverse("webhook_deliveries:index") + f"?endpoint={delivery.endpoint_id}"
    if delivery.status != DeliveryStatus.FAILED:
        messages.error(request, _("Only failed deliveries can be resent."))
        return redirect(deliveries_url)
    if not delivery.endpoint.is_active:
        messages.error(
            request,
            _("'%(name)s' is inactive: activate the endpoint, then resend.") % {"name": delivery.endpoint.name},
        )
        return redirect(deliveries_url)
    if request.method == "POST":
        if resend(delivery.pk, by=request.user):
            messages.success(request, _("Delivery to '%(name)s' queued again.") % {"name": delivery.endpoint.name})
        else:
            messages.error(request, _("Only failed deliveries can be resent."))
        return redirect(deliveries_url)
    return TemplateResponse(
        request,
        "webhooks/resend.html",
        {"delivery": delivery, "page_title": _("Resend a failed delivery"), "header_icon": "resubmit"},
    )
