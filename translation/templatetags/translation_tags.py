from django import template
from wagtail.models import Page, WorkflowMixin, WorkflowState
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translation.machine import machine_strings
from translation.permissions import can_publish_snippet
from translation.review import review_state
from translation.review_actions import review_actions, review_preview_url
from translation.side_panels import with_review_status
from translation.status import progress_of

register = template.Library()
register.filter("with_review_status", with_review_status)


@register.simple_tag(takes_context=True)
def review_panel(context, translation, instance):
    """Progress, review state and the actions a translator has on this translation, for the editor's templates."""
    user = context["request"].user
    progress = progress_of(translation)
    reviewed = isinstance(instance, WorkflowMixin)
    state, decision = review_state(instance) if reviewed else (None, None)
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    can_edit = user_can_edit_instance(user, instance)
    if isinstance(instance, Page):
        can_publish = instance.permissions_for_user(user).can_publish()
    else:
        can_publish = can_publish_snippet(user, instance)
    # The review task's actions, for whoever decides it (the locale's reviewers, administrators).
    decisions = review_actions(instance, user) if in_review else []
    return {
        "can_publish": can_publish,
        "decisions": decisions,
        "preview_url": review_preview_url(instance) if decisions else None,
        # Deciders and those who may not publish get the project's footer instead of wagtail-localize's.
        "own_footer": bool(decisions) or not can_publish,
        "translation": translation,
        "progress": progress,
        "reviewed": reviewed,
        "state": state,
        "in_review": in_review,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "decision": decision,
        "can_submit": can_edit and reviewed and progress.complete and not in_review,
        "can_confirm": can_edit and progress.machine > 0,
        "confirmed_machine": sum(item.confirmed for item in machine_strings(translation)),
        "csrf_token": context.get("csrf_token"),
    }
