"""What happens to a question: kept, counted, mailed to the owner; resent while the mail server is away; purged.

The owner's address is read here and handed to the mail backend, nowhere else:
no API answer or page carries it. The visitor's address goes into Reply-To only
when they agreed to share it; otherwise the mail says that replying is not possible.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.api.tree import public_tree
from enquiries.models import Enquiry, PracticeInterest
from enquiries.selectors import recipient_of, unsent_enquiries

logger = logging.getLogger(__name__)


def submit_enquiry(practice, *, name, email, message, share_address, language):
    """Keep and count the question, then try to mail it: (enquiry, whether it was sent)."""
    with transaction.atomic():
        enquiry = Enquiry.objects.create(
            practice=practice,
            locale_id=practice.locale_id,
            name=name,
            email=email,
            message=message,
            share_address=share_address,
            language=language,
        )
        interest, _created = PracticeInterest.objects.get_or_create(practice=practice)
        PracticeInterest.objects.filter(pk=interest.pk).update(
            questions=F("questions") + 1, last_question_at=enquiry.created_at
        )
    return enquiry, send_enquiry(enquiry)


def send_enquiry(enquiry):
    """Mail the question to the practice's owner, in the practice's language; True once sent.

    Any failure of the mail backend (a refused connection, a timeout, a rejected
    recipient) leaves the question unsent for `resend_unsent` to try again.
    """
    recipient = recipient_of(enquiry.practice)
    Enquiry.objects.filter(pk=enquiry.pk).update(attempts=F("attempts") + 1)
    if recipient is None:
        logger.warning("Question %s: its practice has no contact address any more.", enquiry.pk)
        return False
    try:
        owner_mail(enquiry, recipient).send()
    except Exception:
        logger.exception("Question %s could not be mailed; it is kept and will be sent again.", enquiry.pk)
        return False
    enquiry.sent_at = timezone.now()
    Enquiry.objects.filter(pk=enquiry.pk).update(sent_at=enquiry.sent_at)
    return True


def owner_mail(enquiry, recipient):
    practice = enquiry.practice
    with translation.override(enquiry.locale.language_code):
        context = {
            "enquiry": enquiry,
            "practice": practice,
            "practice_url": practice_url(practice),
            "retention_days": settings.ENQUIRY_RETENTION_DAYS,
        }
        subject = gettext("Question about “%(title)s”") % {"title": practice.title}
        body = render_to_string("enquiries/owner_mail.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        reply_to=[enquiry.email] if enquiry.share_address else None,
    )


def practice_url(practice):
    """The practice on the portal, or "" when it is no longer public."""
    path = public_tree().path_for(practice.locale_id, practice.url_path)
    return f"{settings.FRONTEND_BASE_URL}{path}" if path else ""


def resend_unsent(limit=50):
    """Try again the questions the mail server did not take; returns how many went."""
    return sum(send_enquiry(enquiry) for enquiry in unsent_enquiries()[:limit])


def purge_enquiries(now=None):
    """Delete the questions older than ENQUIRY_RETENTION_DAYS (sent or not); returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
    deleted, _by_model = Enquiry.objects.filter(created_at__lt=cutoff).delete()
    return deleted
