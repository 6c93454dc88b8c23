"""What happens to a proposal: kept, confirmed to the proposer, announced to the editors; drafted or declined; purged.

A proposal never becomes content by itself: an editor of its language creates a
draft practice from it (never published here), which then goes through the usual
editing and moderation.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext

from practices.models import PracticePage, PracticeTopic, Topic
from practices.models.choices import Agglomeration, FundingSource
from practices.models.links import PracticeInstitution
from proposals.models import PracticeProposal
from proposals.selectors import editors_to_notify, locale_of, practices_index
from proposals.serializers import CONSENT_VERSION

logger = logging.getLogger(__name__)

#: The form's text fields, kept as they came (the rest are renamed or looked up).
TEXT_FIELDS = (
    "title",
    "summary",
    "challenge",
    "solution",
    "resources",
    "timescale",
    "results",
    "difficulties",
    "transferability",
    "municipality",
    "institution",
    "contact_person",
)


def submit_proposal(data, *, language):
    """Keep the proposal, then mail the proposer and the editors; mail failures are logged, the proposal stays."""
    proposal = PracticeProposal.objects.create(
        **{name: data.get(name, "") for name in TEXT_FIELDS},
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        locale=locale_of(language),
        topics=data.get("topics", []),
        partner=data.get("partner"),
        proposer_name=data["name"],
        proposer_email=data["email"],
        proposer_organisation=data.get("organisation", ""),
        language=language,
        consent_version=CONSENT_VERSION,
    )
    for mail in (confirmation_mail(proposal), editors_mail(proposal)):
        if mail is None:
            continue
        try:
            mail.send()
        except Exception:
            logger.exception("Proposal %s: a mail could not be sent; the proposal is kept.", proposal.pk)
    return proposal


def confirmation_mail(proposal):
    """To the proposer, in their language, quoting the title; no link, as nothing of it is public."""
    with translation.override(proposal.language):
        subject = gettext("Your practice proposal “%(title)s”") % {"title": proposal.title}
        body = render_to_string(
            "proposals/confirmation_mail.txt",
            {"proposal": proposal, "retention_days": settings.PROPOSAL_RETENTION_DAYS},
        )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [proposal.proposer_email])


def editors_mail(proposal):
    """To the editors of the proposal's language, pointing at it in the admin; None when there is nobody."""
    recipients = editors_to_notify(proposal.locale_id)
    if not recipients:
        return None
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse("proposals:inspect", args=[proposal.pk])
    with translation.override(proposal.locale.language_code):
        subject = gettext("New practice proposal: “%(title)s”") % {"title": proposal.title}
        body = render_to_string(
            "proposals/editors_mail.txt",
            {"proposal": proposal, "admin_url": admin_url},
        )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, bcc=recipients)


def paragraphs(text):
    """Plain text as rich text: one paragraph per blank-line-separated block, line breaks kept, all escaped."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join(f"<p>{escape(block).replace(chr(10), '<br/>')}</p>" for block in blocks)


def unique_slug(parent, title):
    base = slugify(title, allow_unicode=False)[:70] or "practice"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_draft(proposal, user):
    """A draft practice (never published) under the proposal's practices index, with the fields mapped.

    What the form cannot say (agglomeration, funding, dates) gets a neutral
    value for the editor to correct; the timescale is quoted with the resources.
    """
    parent = practices_index(proposal.locale_id)
    resources = proposal.resources
    if proposal.timescale:
        resources = f"{resources}\n\n{gettext('Timescale')}: {proposal.timescale}".strip()
    page = PracticePage(
        title=proposal.title,
        slug=unique_slug(parent, proposal.title),
        summary=proposal.summary,
        challenge=paragraphs(proposal.challenge),
        what_was_done=paragraphs(proposal.solution),
        resources_needed=paragraphs(resources),
        results=paragraphs(proposal.results),
        difficulties=paragraphs(proposal.difficulties),
        transferability=paragraphs(proposal.transferability),
        municipality=proposal.municipality,
        latitude=proposal.latitude,
        longitude=proposal.longitude,
        contact_name=proposal.contact_person or proposal.proposer_name,
        agglomeration=Agglomeration.CROSS_BORDER,
        funding_source=FundingSource.OTHER,
        start_date=proposal.created_at.date(),
        is_ongoing=True,
        live=False,
        owner=user,
    )
    topics = Topic.objects.filter(locale_id=proposal.locale_id, slug__in=proposal.topics)
    page.topic_links = [PracticeTopic(topic=topic, locale_id=proposal.locale_id) for topic in topics]
    if proposal.partner_id:
        page.institutions = [PracticeInstitution(partner_id=proposal.partner_id)]
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    decide(proposal, user, PracticeProposal.Status.ACCEPTED, draft=page)
    return page


def decline(proposal, user):
    decide(proposal, user, PracticeProposal.Status.DECLINED)


def decide(proposal, user, status, draft=None):
    proposal.status, proposal.decided_by, proposal.decided_at = status, user, timezone.now()
    proposal.draft = draft
    proposal.save(update_fields=["status", "decided_by", "decided_at", "draft"])


def purge_proposals(now=None):
    """Delete the proposals decided more than PROPOSAL_RETENTION_DAYS ago, with the proposer's data; how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.PROPOSAL_RETENTION_DAYS)
    decided = PracticeProposal.objects.exclude(status=PracticeProposal.Status.NEW).filter(decided_at__lt=cutoff)
    deleted, _by_model = decided.delete()
    return deleted
