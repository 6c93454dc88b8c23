"""The site's own endpoints: the locales, and a frontend path resolved to the page it shows."""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse
from wagtail.models import Locale, Page

from core import content_types
from core.api.tree import public_pages
from core.api.views import ERRORS, PublicResourceView


class LocaleSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Language code, the value of `locale` parameters.")
    name = serializers.CharField()
    is_default = serializers.BooleanField()
    home_path = serializers.CharField(allow_null=True, help_text="Frontend path of this locale's home page.")


@extend_schema(tags=["site"], responses={200: LocaleSerializer(many=True), 429: ERRORS[429]})
class LocaleListView(PublicResourceView):
    """The content languages, the default first."""

    def render(self):
        existing = set(Locale.objects.values_list("language_code", flat=True))
        ids = self.tree.locale_ids
        data = [
            {
                "code": code,
                "name": name,
                "is_default": code == settings.LANGUAGE_CODE,
                "home_path": self.tree.path_for(ids[code], self.tree.home_paths[ids[code]])
                if ids.get(code) in self.tree.home_paths
                else None,
            }
            for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code in existing
        ]
        return Response(data)


class BreadcrumbSerializer(serializers.Serializer):
    title = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path.")


class FoundPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(help_text="practice, event, partner, home, page (a standard page) or index.")
    locale = serializers.CharField()
    title = serializers.CharField()
    path = serializers.CharField(help_text="The canonical frontend path.")
    api_url = serializers.URLField(allow_null=True, help_text="Detail endpoint, where the type has one.")
    breadcrumbs = BreadcrumbSerializer(
        many=True, help_text="The trail from this locale's home page down to this page, both included."
    )


@extend_schema(
    tags=["site"],
    parameters=[
        OpenApiParameter(
            "path",
            {"type": "string", "pattern": "^/", "minLength": 1, "maxLength": 1000},
            required=True,
            description="A frontend path, with or without a locale prefix, e.g. /cs/dobra-praxe/ or /dobre-praktyki/.",
        )
    ],
    responses={200: FoundPageSerializer, **ERRORS},
)
class FindPageView(PublicResourceView):
    """Resolve a frontend path to the page it shows: its type, id, locale and API URL."""

    extra_params = ("path",)

    def render(self):
        raw = self.request.query_params.get("path", "")
        if not raw.startswith("/") or len(raw) > 1000:
            raise ValidationError({"path": ["Give a frontend path starting with '/', e.g. /cs/akce/."]})
        code, rest = self.tree.split_locale(raw)
        locale_id = self.tree.locale_ids[code]
        home_path = self.tree.home_paths.get(locale_id)
        if home_path is None:
            raise NotFound("No page at that path.")
        url_path = home_path + rest.lstrip("/")
        page = (
            public_pages(Page, self.tree)
            .filter(url_path=url_path, locale_id=locale_id)
            .select_related("content_type")
            .first()
        )
        if page is None:
            raise NotFound("No page at that path.")
        kind, endpoint = content_types.kind_and_endpoint(f"{page.content_type.app_label}.{page.content_type.model}")
        return Response(
            {
                "id": page.pk,
                "type": kind,
                "locale": code,
                "title": page.title,
                "path": self.tree.path_for(locale_id, page.url_path),
                "api_url": reverse(f"api:{endpoint}-detail", args=[page.pk], request=self.request)
                if endpoint
                else None,
                "breadcrumbs": breadcrumbs(page, self.tree),
            }
        )


def breadcrumbs(page, tree):
    """[{title, path}] of the page's ancestors from its locale's home down, and of the page itself, in one query.

    The ancestors of a public page are public (a hidden one would hide it), and
    the tree's materialised path names them all: its prefixes, one per level.
    """
    prefixes = [page.path[: Page.steplen * depth] for depth in range(1, page.depth + 1)]
    home_path = tree.home_paths[page.locale_id]
    rows = (
        Page.objects.filter(path__in=prefixes, url_path__startswith=home_path)
        .order_by("depth")
        .values_list("title", "url_path")
    )
    return [{"title": title, "path": tree.path_for(page.locale_id, url_path)} for title, url_path in rows]
