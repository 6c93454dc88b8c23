"""The queries of validation: the public opinions of a practice, and a contributor's proposals."""

from wagtail.models import Page

from validation.models import ExpertOpinion


def public_opinions(page, tree, locale_id):
    """The opinions of the last approved expert validation of the practice (or of its original, for a translation)."""
    opinions = ExpertOpinion.objects.filter(
        page__translation_key=page.translation_key, task_state__status="approved"
    ).order_by("-task_state__finished_at", "country")
    latest = {}
    for opinion in opinions:
        latest.setdefault(opinion.country, opinion)
    return [
        {
            "country": opinion.country,
            "expert_name": opinion.expert_name,
            "opinion": opinion.opinion,
            "scores": {
                "relevance": opinion.relevance,
                "evidence": opinion.evidence,
                "transferability": opinion.transferability,
                "participation": opinion.participation,
            },
        }
        for opinion in sorted(latest.values(), key=lambda opinion: opinion.country != "PL")
    ]


def proposals_of(user):
    """Practice pages `user` owns or that name their institution, any state, newest first."""
    from practices.models import PracticePage

    partner_ids = user.groups.filter(contributor_institution__isnull=False).values(
        "contributor_institution__partner__translation_key"
    )
    return (
        (
            PracticePage.objects.filter(pk__in=Page.objects.filter(owner=user).values("pk"))
            | PracticePage.objects.filter(institutions__partner__translation_key__in=partner_ids)
        )
        .distinct()
        .order_by("-latest_revision_created_at")
    )
