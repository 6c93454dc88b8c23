"""The review task of the "Translation review" workflows."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from translation.status import lacks_strings


class TranslationReviewTask(AbstractGroupApprovalTask):
    """A group approval that cannot approve a translation while some of its strings are untranslated.

    Approval publishes the object's latest revision. If the source changed while
    the translation was in review, wagtail-localize may save a newer draft with
    the source text standing in for the new strings (it does so for a topic
    whenever a practice that uses it is submitted): approving it would put a
    Polish sentence on a Czech page. Until the translator has filled those
    strings in, the reviewer can only request changes.
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and lacks_strings(obj):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and lacks_strings(task_state.workflow_state.content_object):
            raise PermissionDenied(_("This translation has untranslated strings; request changes instead."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Reviewers of a language approve its translations, once every string is translated")

    class Meta:
        verbose_name = _("Translation review task")
        verbose_name_plural = _("Translation review tasks")
