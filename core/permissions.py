"""The page permission tester the project's page types use, named by a setting.

Wagtail asks a page's `permissions_for_user()` before every action on it (edit,
delete, move, copy, publish, unpublish, privacy, bulk actions, and the
wagtail-localize views). The rules of who may do what belong to the app that
defines the roles, so `core` only reads which tester class the setting names
and never imports that app.
"""

import functools

from django.conf import settings
from django.utils.module_loading import import_string


@functools.cache
def page_permission_tester():
    return import_string(settings.PAGE_PERMISSION_TESTER)


class RolePermissionsMixin:
    """Mixed into every page type: its permissions come from the project's tester, not Wagtail's stock one."""

    def permissions_for_user(self, user):
        return page_permission_tester()(user, self)
