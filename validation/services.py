"""What validating does: record an expert's opinion, finish the check, submit a validated practice for translation."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from translation.review import save_draft
from validation.models import ExpertOpinion


@transaction.atomic
def give_opinion(task_state, user, *, opinion, **scores):
    """Record `user`'s opinion for their country; approve the task once both countries have given theirs."""
    task = task_state.task.specific
    country = task.pending_country(task_state, user)
    if country is None:
        raise PermissionDenied
    ExpertOpinion.objects.create(
        task_state=task_state,
        page_id=task_state.workflow_state.object_id,
        country=country,
        expert=user,
        expert_name=user.get_full_name() or user.get_username(),
        opinion=opinion,
        **scores,
    )
    if task_state.opinions.count() == 2:
        task_state.approve(user=user, comment=opinion)


def mark_validated(workflow_state, user=None):
    """Save a revision of the approved practice marked validated; an editor publishes it (not the experts)."""
    page = workflow_state.content_object.get_latest_revision_as_object()
    page.validated_at = timezone.now()
    page.save_revision(user=user, log_action=True)


def submit_for_translation(page, user=None):
    """Carry a validated original into the other languages as drafts (never published: translators and reviewers
    take it from there): a new draft translation where there is none, and a draft update of an existing one that
    does not carry this validation yet (`validated_at` is a synchronised field). Later publications of the
    original leave existing translations to the usual synchronisation."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != page.locale.language_code]
    for locale in Locale.objects.filter(language_code__in=codes):
        translation = Translation.objects.filter(source=source, target_locale=locale).first()
        if translation is None:
            translation = Translation.objects.create(source=source, target_locale=locale, enabled=True)
            translation.save_target(user=user, publish=False)
        elif translation.enabled and not _carries_validation(page, locale):
            save_draft(translation, user)  # a revision only: the live translation changes when reviewers publish


def _carries_validation(page, locale):
    target = page.get_translation_or_none(locale)
    return target is not None and target.get_latest_revision_as_object().validated_at == page.validated_at
