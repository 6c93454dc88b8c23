"""Validates a few demo practices through the good practice check itself, so the portal shows the expert mark.

Nothing is written by hand: the editor of the practice's language submits it
and approves the editorial check, `validator-pl` and `validator-cs` approve
the expert validation with their scores and opinions (`validation.services`,
as the admin's workflow actions do), the editor publishes the validated
revision, and the translation that `validation.signals` brought up to date as
a draft is published as its reviewers would. Needs `setup_roles` and the demo
users (`prepare_demo` runs it after creating them); a validated practice is
left alone, so running it again changes nothing. Wagtail's workflow notification
mails are not sent meanwhile: they would go to the demo's own example.org people
and only clutter `make demo`'s console.
"""

from contextlib import contextmanager
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.admin.signal_handlers import register_signal_handlers
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from demo.loader.values import CONTENT_DIR, LANGUAGES, other_language, stable_uuid
from practices.models import PracticePage
from translation.roles import EDITOR
from translation.status import translation_into_locale_of

PEOPLE = {"PL": "validator-pl", "CZ": "validator-cs"}


class MissingPeople(Exception):
    """The demo users the check needs are not there (`setup_roles --demo-users`, `create_validation_demo_users`)."""


@transaction.atomic
def validate_demo_practices(content_dir=CONTENT_DIR):
    """Validate and publish the practices of `validations.yaml`; returns the titles validated now."""
    with open(Path(content_dir) / "validations.yaml", encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    users = get_user_model().objects
    try:
        experts = {country: users.get(username=username) for country, username in PEOPLE.items()}
        editors = {code: users.get(username=f"{EDITOR}-{code}") for code in LANGUAGES}
    except get_user_model().DoesNotExist as error:
        raise MissingPeople(str(error)) from error
    with workflow_mail_withheld():
        return [title for entry in entries if (title := validate(entry, editors, experts))]


def validate(entry, editors, experts):
    """Take one practice through the check and publish it and its translation; its title, or None if done before."""
    page = original(entry["practice"])
    if page is None or page.validated_at is not None:
        return None
    editor = editors[page.locale.language_code]
    check(page, editor, experts, entry["opinions"])
    PracticePage.objects.get(pk=page.pk).get_latest_revision().publish(user=editor)
    other = Locale.objects.get(language_code=other_language(page.locale.language_code))
    translation = page.get_translation_or_none(other)
    if translation is not None and translation.has_unpublished_changes:
        translation.get_latest_revision().publish()  # as its reviewers would
    return page.title


@contextmanager
def workflow_mail_withheld():
    """Wagtail's workflow notifications (its own receivers, by their dispatch_uid) off for the block, then back."""
    receivers = [
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
        (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
        (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
    ]
    for signal, sender, uid in receivers:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    try:
        yield
    finally:
        register_signal_handlers()


def original(key):
    """The demo practice `key` in the language it was written in (the one whose check validates it)."""
    pages = PracticePage.objects.filter(translation_key=stable_uuid("page", key)).select_related("locale")
    return next((page for page in pages if translation_into_locale_of(page) is None), None)


def check(page, editor, experts, opinions):
    """Run the page's good practice check: the editor submits and approves, then each country's expert opines."""
    page.get_workflow().start(page, editor)
    act(page, editor, comment="")
    for country, expert in experts.items():
        given = opinions[country]
        act(page, expert, opinion=given["opinion"].strip(), **given["scores"])


def act(page, user, **fields):
    """Approve the current task as `user`, refused like the admin refuses it when the task offers them no approval."""
    page = PracticePage.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state.specific
    task = task_state.task.specific
    if "approve" not in [name for name, *_rest in task.get_actions(page, user)]:
        raise PermissionDenied(f"{user} cannot approve {task} on {page}")
    task.on_action(task_state, user, "approve", **fields)
