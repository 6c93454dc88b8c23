"""The organisers' side: every event they run with its registrations, confirm or decline, attendance, export, mail.

Organisers are the editors of an event's locale and administrators
(translation.policies.editor_locales); translators, reviewers and validators
see nothing here, not even by URL. An editor of either language of an event
manages all its registrations: both languages share its places.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe

from events.models import EventPage
from registrations import export, services
from registrations.models import Registration, Status
from registrations.selectors import has_started, registrations_of
from translation.policies import editor_locales


def organised_events(user):
    """The events with registration on the portal in the locales `user` edits, soonest first."""
    return EventPage.objects.filter(registration_enabled=True, locale_id__in=editor_locales(user)).order_by("-start")


def managed_event(user, page_id):
    event = get_object_or_404(EventPage, pk=page_id)
    if event.locale_id not in editor_locales(user):
        raise PermissionDenied
    return event


@require_safe
def index(request):
    events = list(organised_events(request.user))
    counts = {
        row["event_key"]: row
        for row in Registration.objects.filter(event_key__in=[event.translation_key for event in events])
        .values("event_key")
        .annotate(**{status: Count("pk", filter=Q(status=status)) for status in Status.values})
    }
    rows = [
        (event, [counts.get(event.translation_key, {}).get(status, 0) for status in Status.values]) for event in events
    ]
    return TemplateResponse(request, "registrations/admin/index.html", {"rows": rows, "statuses": Status.choices})


@require_safe
def event_registrations(request, page_id):
    event = managed_event(request.user, page_id)
    status = request.GET.get("status", "")
    if status and status not in Status.values:
        status = ""
    context = {
        "event": event,
        "registrations": registrations_of(event.translation_key, status or None),
        "status": status,
        "statuses": Status.choices,
        "event_started": has_started(event),
    }
    return TemplateResponse(request, "registrations/admin/event.html", context)


ACTIONS = {
    "confirm": services.confirm,
    "decline": services.decline,
}


@require_POST
def act(request, page_id, pk):
    """Confirm, decline or mark attendance of one registration; back to the list with a message."""
    event = managed_event(request.user, page_id)
    registration = get_object_or_404(registrations_of(event.translation_key), pk=pk)
    action = request.POST.get("action", "")
    if action in ACTIONS:
        registration, sent = ACTIONS[action](registration)
        messages.success(
            request,
            gettext("%(name)s: %(status)s.") % {"name": registration.name, "status": registration.get_status_display()},
        )
        if not sent:
            messages.warning(request, gettext("The participant was not notified by e-mail."))
    elif action in ("attended", "absent"):
        try:
            services.mark_attended(registration, action == "attended")
        except ValueError:
            messages.error(request, gettext("Attendance can be marked once the event has begun."))
    else:
        messages.error(request, gettext("Unknown action."))
    return redirect(reverse("registrations_admin:event", args=[event.pk]) + f"?status={request.GET.get('status', '')}")


@require_safe
def export_list(request, page_id, file_format):
    event = managed_event(request.user, page_id)
    writers = {"csv": export.csv_response, "xlsx": export.xlsx_response}
    if file_format not in writers:
        raise Http404
    return writers[file_format](registrations_of(event.translation_key), f"registrations-{event.slug}")


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea, max_length=5000)
    include_waiting = forms.BooleanField(label=_("Also to the waiting list"), required=False)


def message(request, page_id):
    """Mail all confirmed participants (and optionally the waiting list); each mail carries their cancel link."""
    event = managed_event(request.user, page_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = services.message_participants(event.translation_key, **form.cleaned_data)
        messages.success(request, gettext("The message was sent to %(count)d participant(s).") % {"count": sent})
        return redirect("registrations_admin:event", event.pk)
    return TemplateResponse(request, "registrations/admin/message.html", {"event": event, "form": form})
