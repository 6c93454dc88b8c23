"""What finishing a workflow does (settings.WAGTAIL_FINISH_WORKFLOW_ACTION), by workflow.

A "Good practice check" ends with the practice validated but not yet public:
an editor publishes it. Every other workflow (the translation reviews)
publishes on approval, as `translation.workflows.publish_approved` does.
Wagtail imports this while it defines its workflow models, so nothing is
imported from models at load time.
"""


def finish_workflow(workflow_state, user=None):
    from translation.workflows import publish_approved
    from validation.models import ExpertValidationTask
    from validation.services import mark_validated

    if ExpertValidationTask.objects.filter(workflow_tasks__workflow_id=workflow_state.workflow_id).exists():
        mark_validated(workflow_state, user)
    else:
        publish_approved(workflow_state, user)
