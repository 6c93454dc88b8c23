"""Named queries about questions: who receives one, who may read them, and how much interest practices drew."""

from django.db.models import Sum

from core.api.tree import public_tree
from enquiries.models import Enquiry, PracticeInterest
from practices.models import PracticePage


def askable_practice(practice_id):
    """The live, public practice with this id that has someone to ask, or None."""
    practice = PracticePage.objects.filter(pk=practice_id).select_related("locale").first()
    if practice is None or not public_tree().shows(practice) or recipient_of(practice) is None:
        return None
    return practice


def recipient_of(practice):
    """Who answers questions about `practice`: its contact person, else its first institution's.

    For an institution: its first contact person with an address, else the
    institution's own address. None when nobody can be reached.
    """
    if practice.contact_email:
        return practice.contact_email
    for link in practice.institutions.select_related("partner").order_by("sort_order", "pk"):
        partner = link.partner
        contact = partner.contacts.exclude(email="").order_by("sort_order", "pk").first()
        if contact is not None:
            return contact.email
        if partner.email:
            return partner.email
    return None


def enquiries_in(locale_ids):
    """The questions about practices in these locales, newest first."""
    return Enquiry.objects.filter(locale_id__in=locale_ids).select_related("practice", "locale")


def unsent_enquiries():
    return Enquiry.objects.filter(sent_at__isnull=True).select_related("practice", "locale").order_by("pk")


def interest_in(locale_ids):
    """Questions counted per practice in these locales, most asked first (admin report, statistics)."""
    return PracticeInterest.objects.filter(practice__locale_id__in=locale_ids).select_related("practice__locale")


def interest_by_practice(*, locale_ids=None):
    """{practice id: questions ever asked}, for statistics; every locale unless `locale_ids` narrows it."""
    rows = PracticeInterest.objects.all()
    if locale_ids is not None:
        rows = rows.filter(practice__locale_id__in=locale_ids)
    return dict(rows.values_list("practice_id", "questions"))


def total_questions(*, locale_ids=None):
    rows = PracticeInterest.objects.all()
    if locale_ids is not None:
        rows = rows.filter(practice__locale_id__in=locale_ids)
    return rows.aggregate(total=Sum("questions"))["total"] or 0
