from django import template
from wagtail.models import WorkflowMixin, WorkflowState
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translation.machine import machine_strings
from translation.review import review_state
from translation.side_panels import with_review_status
from translation.status import progress_of

register = template.Library()
register.filter("with_review_status", with_review_status)


@register.inclusion_tag("translation/review_panel.html", takes_context=True)
def review_panel(context, translation, instance):
    """Progress, review state and the actions a translator has on this translation."""
    user = context["request"].user
    progress = progress_of(translation)
    reviewed = isinstance(instance, WorkflowMixin)
    state, decision = review_state(instance) if reviewed else (None, None)
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    can_edit = user_can_edit_instance(user, instance)
    return {
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
