"""The reviewer's preview of a draft in review (`/admin/pages/workflow/preview/<page>/<task>/`).

Wagtail's view answers with whatever the page's `serve_preview` gives: for our
headless pages, a bare frame around the portal frontend's preview route. With
the frontend down or not yet deployed that frame held only the browser's error
page, and nothing said what to do next. Here the view is an admin page: what
is being reviewed, the review task's actions (Wagtail leaves them out of this
view), and a frame with the draft, through the frontend's preview route when
it answers, else rendered by the CMS's own template with a note saying why.

Who may see it is Wagtail's rule: users with an action on the task (the
locale's reviewers, administrators); everyone else gets a 403.
"""

from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import PreviewRevisionForTaskView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState
from wagtail_headless_preview.models import HeadlessPreviewMixin

from core.preview import frontend_preview_url
from translation.review_actions import PageReviewActionView, review_actions

#: How long one answer (or silence) of the frontend is trusted, in seconds.
REACHABILITY_TTL = 30


def frontend_answers(url):
    """Whether the frontend's preview route answers at all (any HTTP status) within the configured timeout.

    FRONTEND_PREVIEW_CHECK_TIMEOUT of 0 skips the check and always frames the
    frontend, for installations whose CMS cannot reach the address browsers use.
    """
    timeout = settings.FRONTEND_PREVIEW_CHECK_TIMEOUT
    if not timeout:
        return True
    key = f"translation:frontend-answers:{url}"
    known = cache.get(key)
    if known is not None:
        return known
    try:
        with urlopen(Request(url, method="HEAD"), timeout=timeout):  # noqa: S310 (a configured URL)
            answers = True
    except HTTPError:  # a 4xx or 5xx is still an answer: the route is there, the token is missing
        answers = True
    except (URLError, OSError, ValueError):
        answers = False
    cache.set(key, answers, REACHABILITY_TTL)
    return answers


def _finished_by(user, instance, task):
    """True if `user` just decided `task` on `instance` (the preview reloads after their decision)."""
    latest = (
        TaskState.objects.filter(
            workflow_state__base_content_type=instance.get_base_content_type(),
            workflow_state__object_id=str(instance.pk),
            task=task,
        )
        .order_by("-started_at", "-pk")
        .first()
    )
    return latest is not None and latest.finished_by_id == user.pk


class ReviewPreviewView(PreviewRevisionForTaskView):
    """The draft in review, framed in an admin page with the task's actions."""

    template_name = "translation/workflow_preview.html"

    def get(self, request, *args, **kwargs):
        if not self.task_state:
            # After a decision taken here, the dialog reloads this URL: the dashboard, with its message.
            if not _finished_by(request.user, self.object, self.task):
                self.add_error_message()
            return redirect("wagtailadmin_home")
        if not self.task.get_actions(self.object, request.user):
            raise PermissionDenied
        revision = self.task_state.revision
        draft = revision.as_object()
        if request.GET.get("render") == "cms":
            return draft.make_preview_request(
                request,
                draft.default_preview_mode,
                extra_request_attrs={"revision_id": revision.id, "preview_in_cms": True},
            )
        return TemplateResponse(request, self.template_name, self.get_context_data(draft))

    def frontend_frame_url(self, draft):
        """The frontend's preview URL with a fresh token for this revision, or None if the CMS renders it."""
        if not isinstance(draft, HeadlessPreviewMixin):
            return None
        if not frontend_answers(frontend_preview_url(draft.locale.language_code)):
            return None
        snapshot = draft.create_page_preview()
        return draft.get_preview_url(self.request, snapshot.token)

    def get_context_data(self, draft):
        page = self.object.specific
        frontend_url = self.frontend_frame_url(draft)
        title = get_latest_str(page)
        return {
            "page_title": _("Preview of '%(title)s'") % {"title": title},
            "header_title": _("Preview of '%(title)s'") % {"title": title},
            "draft": draft,
            "locale": page.locale,
            "task": self.task,
            "actions": review_actions(page, self.request.user),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[quote(page.pk)]),
            "frontend_url": frontend_url,
            "frame_url": frontend_url or f"{self.request.path}?render=cms",
        }


class ReviewPageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with the review's decision messages and preview.

    Registered after Wagtail's own viewset for `Page`, so the page viewset
    registry routes every page model's workflow action and preview here.
    """

    workflow_action_view_class = PageReviewActionView
    workflow_preview_view_class = ReviewPreviewView
