"""The visitor's mail, in their language: registered (with the event's .ics), moved up, confirmed or declined.

Every mail carries the personal cancellation link while the registration can
still be cancelled. A mail the server refuses is logged; the registration stands
and the organiser sees it in the admin.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from feeds.calendar import calendar
from feeds.selection import FeedScope
from registrations.links import cancel_url
from registrations.models import Status

logger = logging.getLogger(__name__)

SUBJECTS = {
    Status.CONFIRMED: lambda: gettext("Your place at “%(title)s” is confirmed"),
    Status.PENDING: lambda: gettext("Your registration for “%(title)s” awaits the organiser"),
    Status.WAITING: lambda: gettext("You are on the waiting list for “%(title)s”"),
    Status.DECLINED: lambda: gettext("Your registration for “%(title)s” was declined"),
    Status.CANCELLED: lambda: gettext("Your registration for “%(title)s” is cancelled"),
}


def registered(registration):
    return _mail(registration, promoted=False, with_calendar=True)


def promoted(registration):
    return _mail(registration, promoted=True, with_calendar=True)


def decided(registration):
    return _mail(registration, promoted=False, with_calendar=registration.status == Status.CONFIRMED)


def message(registration, subject, body):
    """The organiser's message to one participant, with their cancellation link below it."""
    with translation.override(registration.language):
        footer = render_to_string("registrations/footer.txt", {"cancel_url": cancel_url(registration)})
    return EmailMessage(subject, f"{body}\n\n{footer}", settings.DEFAULT_FROM_EMAIL, [registration.email])


def _mail(registration, *, promoted, with_calendar):
    event = registration.event
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "promoted": promoted,
            "cancel_url": cancel_url(registration),
            "retention_days": settings.REGISTRATION_RETENTION_DAYS,
        }
        subject = SUBJECTS[registration.status]() % {"title": event.title}
        body = render_to_string("registrations/visitor_mail.txt", context)
        email = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
        if with_calendar:
            email.attach(f"event-{event.pk}.ics", ics(event), "text/calendar")
    return email


def ics(event):
    """The event as one iCalendar file, as the feeds serve it, in the event page's language."""
    language = event.locale.language_code
    with translation.override(language):
        return calendar(FeedScope(language), [event], event.title).to_ical()


def send(email):
    """Send one mail; False (logged) when the mail server refuses it."""
    try:
        email.send()
    except Exception:
        logger.exception("A registration mail to one participant could not be sent.")
        return False
    return True


def send_all(messages):
    """Send many mails over one connection: how many the server took."""
    if not messages:
        return 0
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:
        logger.exception("The organiser's message could not be sent.")
        return 0
