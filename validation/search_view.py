"""The admin's page search without other institutions' practices, for contributors.

Wagtail's search lists every page the user's grants make explorable and has
no hook to narrow it (the explorer and choosers have theirs, in
`validation.wagtail_hooks`). The page viewset registry routes the search to the
last viewset registered for `Page`: this one, which keeps the review's views
(`translation.review_preview.ReviewPageViewSet`) and narrows the search's
permission policy.
"""

from wagtail.admin.views.pages.search import SearchView

from translation.review_preview import ReviewPageViewSet
from validation.permissions import hide_others_drafts


class NarrowedPolicy:
    """A page permission policy whose explorable pages leave out other institutions' practices."""

    def __init__(self, policy):
        self.policy = policy

    def explorable_instances(self, user, *args, **kwargs):
        return hide_others_drafts(self.policy.explorable_instances(user, *args, **kwargs), user)

    def __getattr__(self, name):
        return getattr(self.policy, name)


class ContributorAwareSearchView(SearchView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.permission_policy = NarrowedPolicy(self.permission_policy)


class ValidationPageViewSet(ReviewPageViewSet):
    search_view_class = ContributorAwareSearchView
