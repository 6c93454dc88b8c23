"""The people of the translation workflow, as Wagtail groups: editors, translators, reviewers, administrators.

Page rights are granted on each locale's home page, so a group's reach is that
locale's tree. Snippets have no tree: their locale is enforced by the hooks in
`translation.permissions`, which read the same page grants. Running
`setup_roles` again brings the groups back to this definition (it adds what is
missing and removes page grants that are not part of the role), so it is safe
after a new locale or a restored database.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext, override
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from translation.models import TranslationReviewTask

EDITOR, TRANSLATOR, REVIEWER = "editor", "translator", "reviewer"

#: Sent at the end of `setup_roles()` (inside its transaction) with `notes`, a list apps append to:
#: apps above this one (validation's contributors and validators) set up their roles in the same run.
roles_set_up = Signal()
ADMINISTRATORS = "Administrators"

#: Page permissions per role, on the role's locale tree.
PAGE_PERMISSIONS = {
    EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    # Editing the translation of a page needs change rights on it (wagtail-localize
    # checks them for the editor, PO upload and machine translation); never publish.
    TRANSLATOR: ["change_page"],
    # Reviewers browse their tree and may correct a translation's strings; they publish
    # only by approving a review task (`translation.workflows.publish_approved`), so they
    # hold no publish rights that delete, unpublish, protect or bulk-publish pages.
    REVIEWER: ["change_page"],
}
#: Model permissions ("app_label.codename") per role. Snippet permissions are global;
#: `translation.permissions` limits them to the locales of the role's page grants.
MODEL_PERMISSIONS = {
    EDITOR: [
        "wagtailadmin.access_admin",
        "practices.add_topic",
        "practices.change_topic",
        "practices.delete_topic",
        "practices.publish_topic",
        "wagtail_localize.submit_translation",
    ],
    # Translators edit topic translations (in the translation editor), never publish them.
    TRANSLATOR: ["wagtailadmin.access_admin", "practices.change_topic"],
    # Approving a topic's review task publishes it, as for pages, without publish rights.
    # Reviewers open a topic only while its review task is theirs, so no change permission.
    # Nobody but administrators gets lock_topic/unlock_topic: Wagtail's snippet lock views
    # check only that model permission, which would reach the other locale's topics.
    REVIEWER: ["wagtailadmin.access_admin"],
}
#: Collection permissions per role, on the root collection (images and documents are shared by both locales).
COLLECTION_PERMISSIONS = {
    EDITOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    TRANSLATOR: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    REVIEWER: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}
ROLE_NAMES = {EDITOR: "Editors", TRANSLATOR: "Translators", REVIEWER: "Reviewers"}


@dataclass(frozen=True)
class LocaleRole:
    role: str
    language_code: str

    @property
    def group_name(self):
        return f"{ROLE_NAMES[self.role]} {self.language_code.upper()}"


def group_name(role, language_code):
    return LocaleRole(role, language_code).group_name


def workflow_name(language_code, in_language=None):
    """The locale's review workflow, named in its own language (or `in_language`).

    Workflow and task names are data: they reach that locale's translators and
    reviewers in menus and e-mail subjects, whatever the admin's language.
    """
    with override(in_language or language_code):
        return gettext("Translation review %(code)s") % {"code": language_code.upper()}


def task_name(language_code, in_language=None):
    with override(in_language or language_code):
        return gettext("Review translation %(code)s") % {"code": language_code.upper()}


def _named(model, name_of, code):
    """The locale's object by its name, or by the English name that earlier versions gave it (then renamed)."""
    found = model.objects.filter(name__in=[name_of(code), name_of(code, "en")]).order_by("-active", "pk").first()
    if found is not None and found.name != name_of(code):
        found.name = name_of(code)
        found.save(update_fields=["name"])
    return found


def locale_root(locale):
    """The locale's home page: the default site's root in that locale, else its first top-level page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        home = site.root_page.get_translation_or_none(locale)
        if home is not None:
            return home
    return Page.objects.filter(depth=2, locale=locale).order_by("path").first()


def locale_workflow(locale):
    """The active workflow of the locale's tree (its "Translation review" once set up), or None.

    Snippets have no place in the tree; translatable ones (topics) take the
    workflow of their locale's home page, so each locale's reviewers see them.
    """
    root = locale_root(locale)
    return root.get_workflow() if root is not None else None


def permissions_named(names):
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def grant_pages(group, page, codenames, keep_other_pages=False):
    """Grant `codenames` on `page`; other grants of the group go, or only those on `page` if `keep_other_pages`."""
    wanted = {_page_permission(codename) for codename in codenames}
    granted = GroupPagePermission.objects.filter(group=group)
    if keep_other_pages:
        granted = granted.filter(page=page)
    granted.exclude(page=page, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_collections(group, names):
    root = Collection.get_first_root_node()
    for permission in permissions_named(names):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


@transaction.atomic
def setup_roles():
    """Create or repair every role group and the review workflows; returns notes on what could not be done."""
    notes = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale = Locale.objects.filter(language_code=code).first()
        root = locale_root(locale) if locale else None
        if root is None:
            notes.append(f"{code}: no home page yet, so no page rights or workflow; run setup_roles again later.")
        groups = {}
        for role in (EDITOR, TRANSLATOR, REVIEWER):
            group, _created = Group.objects.get_or_create(name=group_name(role, code))
            group.permissions.set(permissions_named(MODEL_PERMISSIONS[role]))
            grant_collections(group, COLLECTION_PERMISSIONS[role])
            if root is not None:
                grant_pages(group, root, PAGE_PERMISSIONS[role])
            groups[role] = group
        if root is not None:
            setup_review_workflow(code, root, groups[REVIEWER])
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.set(Permission.objects.all())
    tree_root = Page.get_first_root_node()
    grant_pages(
        administrators,
        tree_root,
        ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    )
    grant_collections(
        administrators,
        [*COLLECTION_PERMISSIONS[EDITOR], "wagtailimages.delete_image", "wagtaildocs.delete_document"],
    )
    roles_set_up.send(sender=setup_roles, notes=notes)
    return notes


def setup_review_workflow(code, root, reviewers):
    """One workflow per locale with one translation review task for its reviewers, on that locale's tree.

    A workflow set up before the review task existed has a plain group approval
    task of the same name: it is replaced (and deactivated, which cancels the
    reviews it had in progress; translators submit them again).
    """
    task = _named(TranslationReviewTask, task_name, code) or TranslationReviewTask.objects.create(name=task_name(code))
    task.groups.set([reviewers])
    workflow = _named(Workflow, workflow_name, code) or Workflow.objects.create(name=workflow_name(code))
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    outdated = GroupApprovalTask.objects.filter(name__in=[task_name(code), task_name(code, "en")], active=True)
    WorkflowTask.objects.filter(workflow=workflow, task__in=outdated).delete()
    for plain_task in outdated:
        plain_task.deactivate()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
