from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import PlaceName


class PlaceNameViewSet(SnippetViewSet):
    """Place names in both languages, which search treats as the same word (Ołomuniec = Olomouc)."""

    model = PlaceName
    icon = "site"
    menu_label = _("Place names")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["polish", "czech", "other_names"]
    search_fields = ["polish", "czech", "other_names"]


register_snippet(PlaceNameViewSet)
