"""Contributors work on their own institution's practices only, and never publish (settings.PAGE_PERMISSION_TESTER).

Their page grants (add and change on each practices index) would, left to
Wagtail, let them edit, preview, move and copy every practice in the
catalogue, drafts of other institutions included. A practice is theirs when
its owner is in one of their contributor groups or it names their institution
(in any language). People who also publish there (editors, administrators)
are not narrowed.
"""

from functools import cached_property

from django.db.models import Q
from wagtail.models import Page

from translation.permissions import RolePagePermissionTester


def contributor_groups(user):
    """Ids of the user's `Contributors – <institution>` groups (cached on the user for the request)."""
    if not user.is_active or user.is_anonymous:
        return []
    if not hasattr(user, "_a4b_contributor_groups"):
        user._a4b_contributor_groups = list(
            user.groups.filter(contributor_institution__isnull=False).values_list("pk", flat=True)
        )
    return user._a4b_contributor_groups


def is_restricted_contributor(user):
    """A contributor who holds no publishing rights anywhere: their view of practices is narrowed."""
    from translation.permissions import locales_with

    return bool(contributor_groups(user)) and not user.is_superuser and not locales_with(user, "publish_page")


def own_practices(user):
    """The Q on Page for the practices that are the contributor's institution's."""
    groups = contributor_groups(user)
    return Q(owner__groups__in=groups) | Q(
        practicepage__institutions__partner__translation_key__in=Page.objects.filter(
            partnerpage__contributor_groups__group__in=groups
        ).values("translation_key")
    )


def hide_others_drafts(pages, user):
    """`pages` without the practices that are not the contributor's (for the explorer and the choosers)."""
    if not is_restricted_contributor(user):
        return pages
    from practices.models import PracticePage

    others = Page.objects.type(PracticePage).exclude(pk__in=Page.objects.filter(own_practices(user)).values("pk"))
    return pages.exclude(pk__in=others.values("pk"))


class ValidationPagePermissionTester(RolePagePermissionTester):
    @cached_property
    def restricted(self):
        return bool(contributor_groups(self.user)) and not self.user.is_superuser and "publish" not in self.permissions

    @cached_property
    def is_own(self):
        return Page.objects.filter(pk=self.page.pk).filter(own_practices(self.user)).exists()

    def can_edit(self):
        if self.restricted:
            return self.page.specific_class.__name__ == "PracticePage" and self.is_own and super().can_edit()
        return super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return not self.restricted and super().can_delete(ignore_bulk=ignore_bulk)

    def can_copy(self):
        return not self.restricted and super().can_copy()

    def can_move(self):
        return not self.restricted and super().can_move()

    def can_publish(self):
        return not self.restricted and super().can_publish()

    def can_unpublish(self):
        return not self.restricted and super().can_unpublish()

    def can_view_revisions(self):
        return (not self.restricted or self.can_edit()) and super().can_view_revisions()

    def can_add_subpage(self):
        return super().can_add_subpage() and (
            not self.restricted or self.page.specific_class.__name__ == "PracticeIndexPage"
        )
