"""What finishing a review workflow does (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail imports this while it defines its workflow models, so this module
imports nothing from Wagtail's models at load time.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def publish_approved(workflow_state, user=None):
    """Publish the approved revision on the approval's authority.

    Wagtail's own action publishes as the approving user and so demands that
    reviewers hold publish rights, which would also let them unpublish, delete,
    protect and bulk-publish. Here the approval is the authority: every task of
    the workflow was approved by someone its task allowed to. A translation
    that lacks strings is still refused, whatever task approved it.
    """
    from translation.review import revision_to_publish
    from translation.status import lacks_strings

    instance = workflow_state.content_object
    if lacks_strings(instance):
        raise PermissionDenied(_("This translation has untranslated strings; request changes instead."))
    revision_to_publish(instance, user).publish(user=user, skip_permission_checks=True)
