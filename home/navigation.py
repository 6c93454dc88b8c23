"""`GET /api/v2/navigation/?locale=`: the portal's menu and footer links, read from the page tree.

The menu is what editors arrange in Wagtail: the home page's public children
with "Show in menus" ticked, in the order of the tree (drag and drop in the
explorer). The footer lists the standard pages directly under the home (about,
contact, the accessibility statement that EU public-sector sites must link on
every page), ticked or not, so the statement cannot drop out of the footer by
an unticked box. `sections` names the index page of each list whether it is in
menus or not, so a frontend knows what an index page shows. Two queries on a
miss; cached like every answer.
"""

from django.contrib.contenttypes.models import ContentType
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from wagtail.models import Page

from core import content_types
from core.api.tree import public_pages
from core.api.views import ERRORS, LOCALE_PARAMETER, PublicResourceView
from events.models import EventIndexPage
from home.models import HomePage, StandardPage
from partners.models import PartnerIndexPage
from practices.models import PracticeIndexPage

#: Index page model -> the list endpoint whose items it shows.
SECTIONS = {
    PracticeIndexPage: "practices",
    EventIndexPage: "events",
    PartnerIndexPage: "partners",
}


class NavigationLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path.")
    type = serializers.CharField(help_text="As `/api/v2/pages/find/` names it: home, index, page, ...")
    section = serializers.ChoiceField(
        choices=list(SECTIONS.values()),
        allow_null=True,
        help_text="For an index page, the list endpoint whose items it shows; null for other pages.",
    )


class SectionPathsSerializer(serializers.Serializer):
    """Where each list is headed: what a frontend needs to render an index page, whether it is in menus or not."""

    practices = serializers.CharField(allow_null=True, help_text="Frontend path of the practices' index page.")
    events = serializers.CharField(allow_null=True, help_text="Frontend path of the events' index page.")
    partners = serializers.CharField(allow_null=True, help_text="Frontend path of the partners' index page.")


class NavigationSerializer(serializers.Serializer):
    locale = serializers.CharField()
    home = NavigationLinkSerializer(help_text="This locale's home page.")
    main = NavigationLinkSerializer(
        many=True, help_text="The main sections: the home's children marked 'show in menus', in tree order."
    )
    footer = NavigationLinkSerializer(
        many=True, help_text="Standard pages directly under the home (about, contact, accessibility statement...)."
    )
    sections = SectionPathsSerializer(help_text="The index page of each list under the home, in menus or not.")


@extend_schema(tags=["site"], parameters=[LOCALE_PARAMETER], responses={200: NavigationSerializer, **ERRORS})
class NavigationView(PublicResourceView):
    """The main sections and footer links of one locale, from the page tree."""

    extra_params = ("locale",)

    def render(self):
        locale_id = self.request_locale()
        home = public_pages(HomePage, self.tree).filter(locale_id=locale_id).first()
        if home is None:
            raise NotFound("This locale has no published home page.")
        children = (
            public_pages(Page, self.tree)
            .filter(path__startswith=home.path, depth=home.depth + 1)
            .order_by("path")
            .values("id", "title", "url_path", "content_type_id", "show_in_menus")
        )
        links = [(child, self.link(child, page_model(child["content_type_id"]), locale_id)) for child in children]
        home_row = {"id": home.pk, "title": home.title, "url_path": home.url_path}
        return Response(
            {
                "locale": self.tree.locale_codes[locale_id],
                "home": self.link(home_row, HomePage, locale_id),
                "main": [link for child, link in links if child["show_in_menus"]],
                "footer": [
                    link for _child, link in links if link["type"] == content_types.for_model(StandardPage).kind
                ],
                "sections": {
                    section: next((link["path"] for _child, link in links if link["section"] == section), None)
                    for section in SECTIONS.values()
                },
            }
        )

    def link(self, row, model, locale_id):
        kind, _endpoint = content_types.kind_and_endpoint(model._meta.label_lower)
        return {
            "id": row["id"],
            "title": row["title"],
            "path": self.tree.path_for(locale_id, row["url_path"]),
            "type": kind,
            "section": SECTIONS.get(model),
        }


def page_model(content_type_id):
    """The page class of a content type, from Django's content type cache (no query after the first)."""
    return ContentType.objects.get_for_id(content_type_id).model_class() or Page
