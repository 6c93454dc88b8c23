"""Named queries about proposals: the topics a proposer may choose, where drafts go, who is told."""

from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.api.tree import public_tree
from partners.models import PartnerPage
from practices.models import PracticeIndexPage, Topic
from proposals.models import PracticeProposal


def live_topics(language_code):
    """The live topics of a language, by name: the form's choices."""
    return Topic.objects.filter(locale__language_code=language_code, live=True).order_by("name", "pk")


def public_partner(partner_id):
    """The live, public partner page with this id, or None."""
    partner = PartnerPage.objects.filter(pk=partner_id).first()
    return partner if partner is not None and public_tree().shows(partner) else None


def practices_index(locale_id):
    """The practices index of a locale, where its drafts are created; None if the locale has none."""
    return PracticeIndexPage.objects.filter(locale_id=locale_id).order_by("path").first()


def locale_of(language_code):
    return Locale.objects.get(language_code=language_code)


def editors_to_notify(locale_id):
    """Active users with an address who can add practice pages in the locale's practices index."""
    index = practices_index(locale_id)
    if index is None:
        return []
    users = PagePermissionPolicy().users_with_permission_for_instance("add", index)
    return sorted({user.email for user in users.exclude(email="")})


def proposals_in(locale_ids):
    """The proposals in these locales, newest first."""
    return PracticeProposal.objects.filter(locale_id__in=locale_ids).select_related("locale", "draft")
