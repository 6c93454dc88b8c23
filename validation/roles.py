"""The roles of practice proposals: contributors per partner institution, and validators per country.

Run as part of `setup_roles` (through `translation.roles.roles_set_up`), so one
command brings every role back to its definition:

- `Contributors – <institution>`: add and edit practices under each locale's
  practices index, never publish; `validation.permissions` narrows their edit
  rights to their institution's practices and hides the others' drafts.
- `Validators PL` / `Validators CS`: admin access only. They act on the expert
  validation step of the workflow (preview, approve with opinion, request
  changes) and never edit content.
- A "Good practice check – PL/CS" workflow on each locale's practices index:
  the editors' check, then the expert validation.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import gettext, override
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from core.models import Country
from partners.models import PartnerPage
from practices.models import PracticeIndexPage
from translation.roles import (
    COLLECTION_PERMISSIONS,
    EDITOR,
    TRANSLATOR,
    grant_collections,
    grant_pages,
    group_name,
    permissions_named,
)
from translation.status import translation_into_locale_of
from validation.models import ContributorGroup, ExpertValidationTask

VALIDATORS = {Country.POLAND: "Validators PL", Country.CZECHIA: "Validators CS"}
CONTRIBUTOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def contributors_group_name(partner):
    # Group names are at most 150 characters; institutions' official names can be long.
    return f"Contributors – {partner.title}"[:150]


def workflow_name(code):
    with override(code):
        return gettext("Good practice check – %(code)s") % {"code": code.upper()}


def editorial_task_name(code):
    with override(code):
        return gettext("Editorial check %(code)s") % {"code": code.upper()}


def expert_task_name(code):
    with override(code):
        return gettext("Expert validation %(code)s") % {"code": code.upper()}


def setup_validation_roles(sender=None, notes=None, **kwargs):
    notes = notes if notes is not None else []
    validators = {country: Group.objects.get_or_create(name=name)[0] for country, name in VALIDATORS.items()}
    for group in validators.values():
        group.permissions.set(permissions_named(["wagtailadmin.access_admin"]))
    indexes = list(PracticeIndexPage.objects.select_related("locale"))
    for partner in PartnerPage.objects.all():
        if translation_into_locale_of(partner) is None:
            _setup_contributors(partner, indexes)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        index = next((page for page in indexes if page.locale.language_code == code), None)
        if index is None:
            notes.append(f"{code}: no practices index yet, so no good practice check; run setup_roles again later.")
            continue
        setup_check_workflow(code, index, validators)
    return notes


def _setup_contributors(partner, indexes):
    link = ContributorGroup.objects.filter(partner=partner).select_related("group").first()
    if link is None:
        group, _created = Group.objects.get_or_create(name=contributors_group_name(partner))
        link = ContributorGroup.objects.create(group=group, partner=partner)
    group = link.group
    group.permissions.set(permissions_named(["wagtailadmin.access_admin"]))
    grant_collections(group, COLLECTION_PERMISSIONS[TRANSLATOR] + ["wagtailimages.add_image"])
    for index in indexes:
        grant_pages(group, index, CONTRIBUTOR_PAGE_PERMISSIONS, keep_other_pages=True)
    return group


def setup_check_workflow(code, index, validators):
    """The locale's editorial check, then expert validation, on its practices index."""
    editors = Group.objects.filter(name=group_name(EDITOR, code)).first()
    editorial = GroupApprovalTask.objects.filter(name=editorial_task_name(code)).first()
    if editorial is None:
        editorial = GroupApprovalTask.objects.create(name=editorial_task_name(code))
    if editors is not None:
        editorial.groups.set([editors])
    expert, _created = ExpertValidationTask.objects.update_or_create(
        name=expert_task_name(code),
        defaults={
            "polish_validators": validators[Country.POLAND],
            "czech_validators": validators[Country.CZECHIA],
            "active": True,
        },
    )
    workflow, _created = Workflow.objects.get_or_create(name=workflow_name(code))
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task__in=[editorial, expert]).delete()
    WorkflowTask.objects.update_or_create(workflow=workflow, task=editorial, defaults={"sort_order": 0})
    WorkflowTask.objects.update_or_create(workflow=workflow, task=expert, defaults={"sort_order": 1})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow
