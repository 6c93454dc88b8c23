"""The admin's "send test" action for a webhook endpoint."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.permissions import policy_registry

from webhooks.models import Event, WebhookEndpoint
from webhooks.payloads import test_payload
from webhooks.tasks import queue_deliveries


def send_test(request, pk):
    """GET asks for confirmation; POST (CSRF-checked) queues a test delivery and shows the deliveries."""
    if not policy_registry.get_by_type(WebhookEndpoint).user_has_permission(request.user, "change"):
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
