"""The status side panel of a topic's translation editor, with the links its review box needs.

wagtail-localize 1.14 gives a translated snippet Wagtail's base status panel,
which lacks what Wagtail's own snippet editor adds to it: the URLs of the
workflow history and of the revision comparison, and whether drafts exist.
Once a topic is in review (it has a workflow state and revisions), the
panel's workflow box links to both, and the editor fails to render without
them. This panel adds them, as Wagtail's snippet edit view does.
"""

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin
from wagtail.snippets.side_panels import SnippetStatusSidePanel


class ReviewStatusSidePanel(SnippetStatusSidePanel):
    @classmethod
    def replacing(cls, panel):
        """This panel in place of wagtail-localize's `panel` (same object, locale, translations and usage)."""
        return cls(
            panel.object,
            panel.request,
            locale=panel.locale,
            translations=panel.translations,
            usage_url=panel.usage_url,
            last_updated_info=panel.last_updated_info,
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        viewset = self.object.snippet_viewset
        context.update(
            view="edit",
            workflow_history_url=reverse(viewset.get_url_name("workflow_history"), args=[quote(self.object.pk)]),
            revisions_compare_url_name=viewset.get_url_name("revisions_compare"),
            revision_enabled=isinstance(self.object, RevisionMixin),
            draftstate_enabled=isinstance(self.object, DraftStateMixin),
        )
        return context


def with_review_status(side_panels):
    """`side_panels` with wagtail-localize's base status panel of a snippet under workflows replaced."""
    return [
        ReviewStatusSidePanel.replacing(panel)
        if type(panel) is StatusSidePanel and isinstance(panel.object, WorkflowMixin)
        else panel
        for panel in side_panels
    ]
