"""A translation goes live through review: saved as a draft revision, then into its locale's workflow.

wagtail-localize's editor can only publish, straight away and with source text
standing in for missing strings. Here the translator submits instead: the
draft is written with `Translation.save_target(publish=False)` and the page's
"Translation review" workflow starts (or resumes after a reviewer requested
changes); the reviewer's approval publishes it.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translation.status import progress_of


class ReviewError(Exception):
    """The translation cannot be submitted now; the message says why, for the person who tried."""


def incomplete_message(progress):
    return ngettext(
        "%(count)d string is not translated yet.", "%(count)d strings are not translated yet.", progress.missing
    ) % {"count": progress.missing}


@transaction.atomic
def submit_for_review(translation, user, *, trusted=False):
    """Save the complete translation as a draft and put it in review; returns the WorkflowState.

    `trusted` skips the check of `user`'s rights, for command-line imports run by the site's operators.
    """
    target = translation.get_target_instance()
    if not trusted and not user_can_edit_instance(user, target):
        raise PermissionDenied
    if not isinstance(target, Page):
        raise ReviewError(_("Only pages go through review; topics are saved from the translation editor."))
    progress = progress_of(translation)
    if not progress.complete:
        raise ReviewError(incomplete_message(progress))
    target = target.specific
    state = target.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ReviewError(_("This translation is already in review."))
    workflow = target.get_workflow()
    if workflow is None:
        raise ReviewError(_("No review workflow covers this page; an administrator should run setup_roles."))
    try:
        translation.save_target(user=user, publish=False)
    except ValidationError as error:
        raise ReviewError(" ".join(error.messages)) from error
    target = Page.objects.get(pk=target.pk).specific
    if state is not None:
        state.resume(user=user)
        return WorkflowState.objects.get(pk=state.pk)
    return workflow.start(target, user)


def confirm_machine_translations(translation, user):
    """Mark the translation's machine-made strings as checked by `user`; returns how many were confirmed."""
    if not user_can_edit_instance(user, translation.get_target_instance()):
        raise PermissionDenied
    segments = StringSegment.objects.filter(source=translation.source)
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        context__in=segments.values("context_id"),
        translation_of__in=segments.values("string_id"),
    ).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        tool_name="",
        last_translated_by=user,
        updated_at=timezone.now(),
    )


def review_state(page):
    """(current workflow state or None, the latest reviewer decision as a TaskState or None) of a page."""
    decisions = TaskState.objects.filter(
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id=str(page.pk),
        finished_by__isnull=False,
        status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
    )
    return page.current_workflow_state, decisions.select_related("finished_by").order_by("-finished_at").first()
