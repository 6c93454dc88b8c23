"""The reviewers' dashboard queue: Wagtail's "Awaiting your review", with each translation's progress.

Wagtail's panel lists what waits for the reviewer, but not how far the
translation got: a reviewer could not tell a page whose strings are all a
person's from one whose machine strings were confirmed, and only found out
that the source changed since the submission by opening the editor. Each row
here carries the translation's Progress and how many machine strings a
translator confirmed (with a link to them), beside Wagtail's own actions.
"""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from translation.machine import machine_strings
from translation.status import Progress, progress_of, translation_into_locale_of


@dataclass(frozen=True)
class ReviewedTranslation:
    progress: Progress
    confirmed_machine: int
    machine_strings_url: str


def reviewed_translation(instance):
    """The progress of the translation `instance` is the target of, or None when it is no translation."""
    translation = translation_into_locale_of(instance)
    if translation is None:
        return None
    return ReviewedTranslation(
        progress=progress_of(translation),
        confirmed_machine=sum(item.confirmed for item in machine_strings(translation)),
        machine_strings_url=reverse("translation:machine_strings", args=[translation.pk]),
    )


class ReviewQueuePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's panel (same rows, actions and script) under the heading "To review", with the progress column."""

    template_name = "translation/review_queue_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            state["translation"] = reviewed_translation(state["obj"])
        return context


def replace_wagtails_review_panel(panels):
    """Put ReviewQueuePanel where Wagtail's own panel was (kept if Wagtail ever stops adding it)."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = ReviewQueuePanel()
