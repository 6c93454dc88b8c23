"""The contributors' dashboard panel: each of their proposals and where it stands in the check.

A contributor does not read workflow histories; the panel says in one word
what happens next, and shows the editors' or experts' comment when a proposal
came back for changes.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState, WorkflowState

from validation.models import ExpertValidationTask
from validation.selectors import proposals_of

#: How many proposals the panel lists, newest first.
PANEL_LENGTH = 20

STATES = {
    "draft": _("Draft"),
    "editorial_check": _("In editorial check"),
    "changes_requested": _("Changes requested"),
    "in_validation": _("In expert validation"),
    "validated": _("Validated, waiting for publication"),
    "published": _("Published"),
}


@dataclass(frozen=True)
class Proposal:
    title: str
    state: str
    comment: str
    edit_url: str

    @property
    def state_label(self):
        return STATES[self.state]


def proposal_state(page):
    """(state, comment) of one practice page, from its workflow and its latest revision."""
    workflow_state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    latest = page.get_latest_revision_as_object()
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        task = workflow_state.current_task_state.task.specific
        return ("in_validation" if isinstance(task, ExpertValidationTask) else "editorial_check"), ""
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        rejected = workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED).order_by("-finished_at").first()
        return "changes_requested", rejected.comment if rejected else ""
    if page.live and page.validated_at and not page.has_unpublished_changes:
        return "published", ""
    if latest.validated_at:
        return "validated", ""
    return ("published" if page.live else "draft"), ""


def proposals(user, limit=PANEL_LENGTH):
    listed = []
    for page in proposals_of(user)[:limit]:
        state, comment = proposal_state(page)
        listed.append(Proposal(page.title, state, comment, reverse("wagtailadmin_pages:edit", args=[page.pk])))
    return listed


class ProposalsPanel(Component):
    name = "practice_proposals"
    template_name = "validation/proposals_panel.html"
    order = 80

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"proposals": proposals(self.user)}
