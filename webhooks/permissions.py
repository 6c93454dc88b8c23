"""Webhooks are configuration with a secret and an outgoing URL: administrators only."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy


class AdministratorsOnlyPolicy(BasePermissionPolicy):
    """Active superusers may do `actions` (all of them unless narrowed); nobody else may do anything."""

    def __init__(self, model, actions=None):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser and (self.actions is None or action in self.actions))

    def users_with_any_permission(self, actions):
        if self.actions is not None and not set(actions) & set(self.actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
