"""Who reads what visitors send in a locale: the locale's editors and administrators, nobody else.

Questions (enquiries) and practice proposals hold visitors' personal data, so the
rule is narrower than for content: only those who may publish pages in a locale
(its editors, and administrators) read that locale's rows; translators, reviewers
and contributors see none.
"""

from wagtail.permission_policies.base import BasePermissionPolicy

from translation.permissions import locales_with

#: The page permission that makes someone a locale's editor (translation/roles.py).
EDITOR_PERMISSION = "publish_page"


def editor_locales(user):
    """Ids of the locales `user` edits (all of them for an administrator)."""
    return locales_with(user, EDITOR_PERMISSION)


class ReadByLocaleEditorsPolicy(BasePermissionPolicy):
    """The `actions` (only "view" by default) for a locale's editors, on that locale's rows; nothing else."""

    #: How a row reaches its locale, for querysets.
    locale_path = "locale_id"
    #: What a locale's editors may do with its rows; the admin offers nothing else to anyone.
    actions = ("view",)

    def user_has_permission(self, user, action):
        return action in self.actions and bool(editor_locales(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.actions and self._locale_of(instance) in editor_locales(user)

    def instances_user_has_permission_for(self, user, action):
        if action not in self.actions:
            return self.model.objects.none()
        return self.model.objects.filter(**{f"{self.locale_path}__in": editor_locales(user)})

    def _locale_of(self, instance):
        value = instance
        for part in self.locale_path.replace("__", ".").split("."):
            value = getattr(value, part)
        return value
