"""What a reviewer does with a page or topic in review: the task's own actions, first, and a message for each decision.

Wagtail adds a review task's actions (approve, request changes) to the page
action menu, but behind "Save draft" and only in its own page editor. A
translation in review opens in wagtail-localize's translation editor instead,
whose footer knows nothing of workflows: reviewers found there neither
Approve nor Request changes. `review_actions` lists them for any editor
(`translation/templates/translation/review_footer.html` renders them where
Wagtail puts page actions), and `put_review_actions_first` reorders Wagtail's
own page action menu the same way. A decision posted from the dashboard, the
editor or the preview ends with a message saying what happened
(`ReviewDecisionMessageMixin`); Wagtail's workflow action view says nothing.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.action_menu import (
    PublishMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
    WorkflowMenuItem,
)
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionView

APPROVE, REJECT = "approve", "reject"


@dataclass(frozen=True)
class ReviewAction:
    """One action of a review task for one user: its name for the task, its label, and where it is posted."""

    name: str
    label: str
    launch_modal: bool
    url: str

    @property
    def icon(self):
        return "success" if self.name == APPROVE else "edit"


def _first_approval(name):
    """Sort key: approval first (the reviewer's usual decision), then the rest in the task's order."""
    return 0 if name == APPROVE else 1


def url_name(instance, view_name):
    """The admin URL name of a page's or snippet's workflow view (`workflow_action`, `workflow_preview`)."""
    if isinstance(instance, Page):
        return f"wagtailadmin_pages:{view_name}"
    return instance.snippet_viewset.get_url_name(view_name)


def review_actions(instance, user):
    """The actions `user` may take on the review task `instance` waits in, approval first; [] when none.

    Labels are Wagtail's: "Approve and Publish" where approving the last task
    publishes (it does here, `translation.workflows.publish_approved`).
    """
    task_state = instance.current_workflow_task_state
    if task_state is None:
        return []
    task = task_state.task.specific
    publishes = instance.current_workflow_state.is_at_final_task and not getattr(
        settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False
    )
    action_url = url_name(instance, "workflow_action")
    actions = []
    for name, label, launch_modal in task.get_actions(instance, user):
        if name == APPROVE and publishes:
            label = _("%(label)s and Publish") % {"label": label}
        url = reverse(action_url, args=[quote(instance.pk), name, task_state.pk])
        actions.append(ReviewAction(name, str(label), launch_modal, url))
    return sorted(actions, key=lambda action: _first_approval(action.name))


def review_preview_url(instance):
    """The reviewer's preview of the revision in review (`translation.review_preview`), or None."""
    task_state = instance.current_workflow_task_state
    is_previewable = getattr(instance, "is_previewable", None)  # topics have no preview
    if task_state is None or is_previewable is None or not is_previewable():
        return None
    return reverse(url_name(instance, "workflow_preview"), args=[quote(instance.pk), task_state.task_id])


#: Menu items that act outside the review: reviewers publish only by approving, and never
#: submit the page to a workflow (their decisions move it through its own).
NOT_FOR_REVIEWERS = (PublishMenuItem, SubmitForModerationMenuItem, RestartWorkflowMenuItem)


def put_review_actions_first(menu_items, request, context):
    """`construct_page_action_menu` hook: in review, the task's actions lead Wagtail's page action menu.

    Wagtail sorts them after "Save draft", so the footer's main button stayed
    "Save draft" for the person asked to decide. Reviewers who are not authors
    of the tree (`RolePagePermissionTester.is_author`) lose publishing and
    submitting, which Wagtail hides by permission only in some states.
    """
    decisions = [item for item in menu_items if isinstance(item, WorkflowMenuItem)]
    if not decisions:
        return
    tester = context.get("user_page_permissions_tester")
    keep = [item for item in menu_items if not isinstance(item, WorkflowMenuItem)]
    if tester is not None and not getattr(tester, "is_author", True):
        keep = [item for item in keep if not isinstance(item, NOT_FOR_REVIEWERS)]
    decisions.sort(key=lambda item: _first_approval(item.name))
    menu_items[:] = decisions + keep


def decision_message(instance, task_state):
    """What the reviewer's decision did, in their admin language; None if the task is still open."""
    title = get_latest_str(instance)
    locale = instance.locale.get_display_name() if getattr(instance, "locale_id", None) else ""
    workflow_state = task_state.workflow_state
    if task_state.status == TaskState.STATUS_APPROVED:
        if workflow_state.status == WorkflowState.STATUS_APPROVED:
            return _("'%(title)s' (%(locale)s) is approved and published.") % {"title": title, "locale": locale}
        return _("'%(title)s' (%(locale)s) is approved in '%(task)s'; the next review task follows.") % {
            "title": title,
            "locale": locale,
            "task": task_state.task.name,
        }
    if task_state.status == TaskState.STATUS_REJECTED:
        return _(
            "Changes requested for '%(title)s' (%(locale)s): it goes back to its translators with your comment."
        ) % {"title": title, "locale": locale}
    return None


class ReviewDecisionMessageMixin:
    """After Wagtail's workflow action view has acted, a success message says what the decision did.

    Shown on the page the reviewer lands on, whether the action was posted by
    a form or by the comment dialog (which then loads its `redirect`). Decided
    from the object's editor, that is the dashboard with the rest of their
    queue: the editor would now offer them the translator's actions.
    """

    def get_redirect_url(self):
        url = super().get_redirect_url()
        edit_url = reverse(url_name(self.object, "edit"), args=[quote(self.object.pk)])
        if urlsplit(url).path == edit_url:
            return reverse("wagtailadmin_home")
        return url

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        task_state = TaskState.objects.select_related("workflow_state", "task").get(pk=self.task_state.pk)
        message = decision_message(self.object, task_state)
        if message:
            messages.success(request, message)
        return response


class PageReviewActionView(ReviewDecisionMessageMixin, WorkflowActionView):
    pass


class SnippetReviewActionView(ReviewDecisionMessageMixin, SnippetWorkflowActionView):
    pass
