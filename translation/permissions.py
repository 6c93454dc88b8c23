"""Who may do what with translatable content, beyond what Wagtail and wagtail-localize check themselves.

Locale scope comes from page grants: a user works in the locales whose trees
they hold page rights on (`setup_roles` grants them on each locale's home
page; a grant on the tree root covers every locale). Snippets follow the same
scope, since Wagtail's snippet permissions are global.
"""

from functools import cached_property

from django.core.exceptions import PermissionDenied
from wagtail.models import GroupPagePermission, Locale, Page, PagePermissionTester, WorkflowMixin
from wagtail.snippets.permissions import get_permission_name

from translation.status import progress_of, translation_into_locale_of, translations_targeting


def locales_with(user, codename):
    """Ids of the locales in which `user` holds the page permission `codename` (e.g. "publish_page")."""
    if not user.is_active:
        return set()
    if user.is_superuser:
        return set(Locale.objects.values_list("pk", flat=True))
    grants = GroupPagePermission.objects.filter(group__user=user, permission__codename=codename)
    if grants.filter(page__depth=1).exists():
        return set(Locale.objects.values_list("pk", flat=True))
    return set(grants.values_list("page__locale_id", flat=True))


def is_translation_target(instance):
    """True if `instance` is the target of an enabled wagtail-localize translation (edited in its editor)."""
    return translations_targeting(instance).exists()


def can_edit_source(user, instance):
    """May `user` change `instance` as content of its own (not as a translation)? Authors only: pages need
    authoring rights on their tree and Wagtail's edit rights.

    Snippets: the model's change permission and authoring rights (add_page) in
    the snippet's locale, as editors have; translators' change permission alone
    only reaches translation targets.
    """
    if isinstance(instance, Page):
        return user_can_add_in(user, instance) and instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance))) and (
        instance.locale_id in locales_with(user, "add_page")
    )


def can_edit_snippet(user, instance):
    """Edit rights on a translatable snippet: as its editor, as a translator of a translation target,
    or as a reviewer while its review task is theirs (Wagtail lets them into the editor for that)."""
    if can_edit_source(user, instance) or is_reviewing(user, instance):
        return True
    return (
        user.has_perm(get_permission_name("change", type(instance)))
        and instance.locale_id in locales_with(user, "change_page")
        and is_translation_target(instance)
    )


def is_reviewing(user, instance):
    """True if `instance` waits in a review task that `user` may act on (its locale's reviewers)."""
    task = instance.current_workflow_task if isinstance(instance, WorkflowMixin) else None
    return task is not None and task.user_can_access_editor(instance, user)


def can_translate(user, translation):
    """May `user` work on `translation` in the translation editor (strings, overrides, PO files, machine
    translation, submitting for review)?

    wagtail-localize asks only whether the target is editable, which for
    snippets is the model's change permission in every locale: a Czech
    translator could write Polish topic strings. The target's locale must be one
    the user translates in, and the target editable by them there.
    """
    if translation.target_locale_id not in locales_with(user, "change_page"):
        return False
    target = translation.get_target_instance()
    if isinstance(target, Page):
        return target.specific.permissions_for_user(user).can_edit()
    return can_edit_snippet(user, target)


def can_publish_snippet(user, instance):
    """Publish (and unpublish) rights on a translatable snippet: the model's permission, in its locale.

    The locale is the one of the user's page publishing grants, as for pages:
    editors and reviewers publish in their own language only.
    """
    return user.has_perm(get_permission_name("publish", type(instance))) and (
        instance.locale_id in locales_with(user, "publish_page")
    )


def check_page_editor(user, page):
    """Users who cannot author pages in a tree (translators, reviewers) edit only translations there, never sources."""
    if user.is_superuser or user_can_add_in(user, page):
        return
    if not is_translation_target(page):
        raise PermissionDenied


def user_can_add_in(user, page):
    """Authoring rights (add_page) on the page's tree; leaf pages that allow no children still count."""
    return page.locale_id in locales_with(user, "add_page")


def check_source_rights(user, instance):
    """wagtail-localize's submit and sync views check only `submit_translation`; the source must be editable too."""
    if not can_edit_source(user, instance):
        raise PermissionDenied


class RolePagePermissionTester(PagePermissionTester):
    """Wagtail's page rights narrowed to the roles of the translation workflow (settings.PAGE_PERMISSION_TESTER).

    Wagtail derives every page action from the permissions held on the tree:
    change alone lets a user delete and move drafts, publish lets them
    unpublish, protect and bulk-publish anything. Translators and reviewers
    hold change only so that the translation editor and browsing their tree
    work, so those actions are kept for authors (add_page on the
    tree: the locale's editors and administrators). Reviewers publish by
    approving a review task (`translation.workflows.publish_approved`), never
    directly, and a translation that still lacks strings is published by
    nobody: its source text would stand in for the missing strings.
    """

    @cached_property
    def is_author(self):
        return self.user.is_active and (self.user.is_superuser or "add" in self.permissions)

    @cached_property
    def _translation(self):
        """The Translation the page is the target of, or None for a source (asked by can_edit and can_publish)."""
        return translation_into_locale_of(self.page)

    def _holds_publish(self):
        return self.user.is_superuser or "publish" in self.permissions

    def can_edit(self):
        return super().can_edit() and (self.is_author or self._translation is not None)

    def can_delete(self, ignore_bulk=False):
        return self.is_author and super().can_delete(ignore_bulk=ignore_bulk)

    def can_copy(self):
        return self.is_author and super().can_copy()

    def can_publish(self):
        return (
            self.is_author
            and super().can_publish()
            and (self._translation is None or progress_of(self._translation).complete)
        )

    def can_publish_subpage(self):
        return self.is_author and super().can_publish_subpage()

    def can_unpublish(self):
        return self.is_author and super().can_unpublish()

    def can_set_view_restrictions(self):
        return self.is_author and not self.page_is_root and self._holds_publish()

    def can_unschedule(self):
        return self.is_author and self._holds_publish()

    def can_reorder_children(self):
        return self.is_author and super().can_reorder_children()
