"""Who may do what with translatable content, beyond what Wagtail and wagtail-localize check themselves.

Locale scope comes from page grants: a user works in the locales whose trees
they hold page rights on (`setup_roles` grants them on each locale's home
page; a grant on the tree root covers every locale). Snippets follow the same
scope, since Wagtail's snippet permissions are global.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowMixin
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation


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
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
    ).exists()


def can_edit_source(user, instance):
    """May `user` change `instance` as content of its own (not as a translation)? Pages: Wagtail's rights.

    Snippets: the model's change permission and authoring rights (add_page) in
    the snippet's locale, as editors have; translators' change permission alone
    only reaches translation targets.
    """
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
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
