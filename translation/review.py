"""A translation goes live through review: saved as a draft revision, then into its locale's workflow.

wagtail-localize's editor can only publish, straight away and with source text
standing in for missing strings. Here the translator submits instead: the
draft is written as a revision and the target's "Translation review" workflow
starts (or resumes after a reviewer requested changes); the reviewer's
approval publishes it. Pages and topics take the same path: both have drafts
and workflows, and a topic's workflow is its locale's (`Topic.get_workflow`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, TaskState, WorkflowMixin, WorkflowState
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TranslationLog,
)

from translation.permissions import can_translate
from translation.status import progress_of, translation_into_locale_of


class ReviewError(Exception):
    """The translation cannot be submitted now; the message says why, for the person who tried."""


def incomplete_message(progress):
    return ngettext(
        "%(count)d string is not translated yet.", "%(count)d strings are not translated yet.", progress.missing
    ) % {"count": progress.missing}


def _reloaded(instance):
    instance = type(instance).objects.get(pk=instance.pk)
    return instance.specific if isinstance(instance, Page) else instance


def save_draft(translation, user):
    """Write the translation into a new draft revision of its target; what readers see does not change.

    `Translation.save_target(publish=False)` saves the translated content on
    the target itself before making the revision. That is harmless while the
    target has never been published, and wagtail-localize then also fixes the
    page slug and logs the translation. On a live target it is not: a live
    page would show the unreviewed text at once, and a live snippet would go
    offline (wagtail-localize sets `live=False` on it). So a live target gets
    the translated content as a revision only, as Wagtail's "Save draft" does.
    """
    target = translation.get_target_instance()
    if not target.live:
        translation.save_target(user=user, publish=False)
        return
    source = translation.source
    draft = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    revision = draft.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=source, locale=translation.target_locale, revision=revision)


@transaction.atomic
def submit_for_review(translation, user, *, trusted=False):
    """Save the complete translation as a draft and put it in review; returns the WorkflowState.

    `trusted` skips the check of `user`'s rights, for command-line imports run by the site's operators.
    """
    target = translation.get_target_instance()
    if not trusted and not can_translate(user, translation):
        raise PermissionDenied
    if not isinstance(target, WorkflowMixin):
        raise ReviewError(_("This kind of content has no review workflow."))
    progress = progress_of(translation)
    if not progress.complete:
        raise ReviewError(incomplete_message(progress))
    state = target.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ReviewError(_("This translation is already in review."))
    workflow = target.get_workflow()
    if workflow is None:
        raise ReviewError(_("No review workflow covers this language; an administrator should run setup_roles."))
    try:
        save_draft(translation, user)
    except ValidationError as error:
        raise ReviewError(" ".join(error.messages)) from error
    target = _reloaded(target)
    if state is not None:
        state.resume(user=user)
        return WorkflowState.objects.get(pk=state.pk)
    return workflow.start(target, user)


def review_state(instance):
    """(current workflow state or None, the latest reviewer decision as a TaskState or None) of a page or topic."""
    return review_state_of(instance.get_base_content_type(), instance.pk)


def review_state_of(base_content_type, object_id):
    """`review_state` of the object known by its base content type and id, without loading it."""
    key = {"base_content_type": base_content_type, "object_id": str(object_id)}
    state = WorkflowState.objects.active().filter(**key).first()
    decision = (
        TaskState.objects.filter(
            **{f"workflow_state__{name}": value for name, value in key.items()},
            finished_by__isnull=False,
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    return state, decision


def revision_to_publish(instance, user):
    """The revision an approval publishes: the one in review, or a new one if strings changed after it.

    Reviewers may correct strings in the translation editor before they
    approve. Those corrections live in wagtail-localize's tables, not in the
    revision the translator submitted, so publishing that revision would drop
    them silently. When a string or override of the translation changed after
    the revision was made, the revision is remade from the strings as they are.
    """
    revision = instance.get_latest_revision()
    translation = translation_into_locale_of(instance)
    if translation is None or not _changed_since(translation, revision.created_at):
        return revision
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale)
    return draft.save_revision(user=user, log_action=True)


def _changed_since(translation, moment):
    segments = StringSegment.objects.filter(source=translation.source)
    strings = StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__in=segments.values("context_id"),
        translation_of__in=segments.values("string_id"),
        updated_at__gt=moment,
    )
    overrides = SegmentOverride.objects.filter(
        locale=translation.target_locale,
        context__in=OverridableSegment.objects.filter(source=translation.source).values("context_id"),
        updated_at__gt=moment,
    )
    return strings.exists() or overrides.exists()
