"""Admin wiring of the reviewer's journey (imported by `translation.wagtail_hooks`).

- Every page model's workflow action and preview views are ours
  (`translation.review_preview.ReviewPageViewSet`, registered after Wagtail's
  viewset for `Page`): decisions say what they did, the preview shows the draft.
- In Wagtail's page editor the review task's actions come first.
"""

from wagtail import hooks

from translation.review_actions import put_review_actions_first
from translation.review_preview import ReviewPageViewSet


@hooks.register("register_admin_viewset")
def register_review_page_viewset():
    return ReviewPageViewSet("review_pages")


hooks.register("construct_page_action_menu", put_review_actions_first)
