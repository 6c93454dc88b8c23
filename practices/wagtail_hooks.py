from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practices.models import Topic
from translation.review_actions import SnippetReviewActionView


class TopicViewSet(SnippetViewSet):
    """Topics in the admin menu, searchable and filterable by language."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    # A reviewer's decision on a topic's translation says what it did, as for pages.
    workflow_action_view_class = SnippetReviewActionView


register_snippet(TopicViewSet)
