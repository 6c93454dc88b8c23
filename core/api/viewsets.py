"""The list and detail endpoints of one page type, the base of each content app's public views.

A content app's viewset declares its `model`, `endpoint`, list `ordering`,
columns and serializers, and the links its items carry; lists and details are
read through the prepared statements of `core.api.sql`, to which the list is
handed as data (`list_query`).
"""

from django.db.models import F
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from core.api.links import load_links
from core.api.pagination import StrictLimitOffsetPagination
from core.api.relations import load_related
from core.api.serializers import Row
from core.api.sql import ListQuery, ListRows, instance_by_id, translations_of
from core.api.tree import public_pages
from core.api.views import MAX_PAGE_ID, PublicAPIView


# Ids are integers in items and in the route's regex; without this the schema says "string of digits",
# and typed clients could not pass an item's `id` to its detail path.
@extend_schema_view(
    retrieve=extend_schema(
        parameters=[OpenApiParameter("id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH)]
    )
)
class PublicPageViewSet(PublicAPIView, viewsets.ReadOnlyModelViewSet):
    """List and detail of one page type: only live, public pages, in the requested locale.

    Subclasses name the `model`, the `endpoint` (route name), the list's
    `ordering`, the list and detail serializers, and what the serializers need
    loaded in bulk (`prepare`).
    """

    model = None
    endpoint = None
    #: The list's default order (`order_by()` arguments); a filter set's `ordering` parameter overrides it.
    ordering = ()
    #: Set by the preview endpoint: the item is a draft, whose inline lists are read from it, not the database.
    preview = False
    #: What the items link to through their inline lists (`core.api.links`), loaded by `prepare()`.
    links = ()
    #: Columns (and annotations) of list rows: lists read `.values()`, not model instances.
    list_fields = (
        "id",
        "title",
        "slug",
        "translation_key",
        "locale_id",
        "url_path",
        "first_published_at",
        "last_published_at",
    )
    list_annotations = {}
    #: What the list reads (`core.api.sql.ListQuery`), made with the class from the four attributes above it.
    list_query = None
    list_serializer_class = None
    detail_serializer_class = None
    pagination_class = StrictLimitOffsetPagination
    filter_backends = [DjangoFilterBackend]
    lookup_value_regex = r"[0-9]+"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.model is not None:
            cls.list_query = ListQuery(cls.model, tuple(cls.ordering), tuple(cls.list_fields), cls.list_annotations)

    def get_serializer_class(self):
        return self.list_serializer_class if self.action == "list" else self.detail_serializer_class

    def get_queryset(self):
        """What DRF's generic machinery and the schema see; lists and details read through render_list/detail()."""
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.list_query.ordered(public_pages(self.model, self.tree))

    def prepare(self, items, render):
        """Load what the items' serializers need, in bulk; a type adds its own (images, rich text) after this.

        Translations, the declared `links` (from a draft itself in a preview),
        and in a detail the items other apps relate to it (`core.api.relations`).
        """
        render.translations = translations_of(items, self.tree)
        detail = self.action == "retrieve"
        load_links(self.links, self.model, items, render, self.tree, drafts=self.preview, detail=detail)
        if detail:
            (page,) = items
            load_related(self.model, page, render, self.tree)

    def list(self, request, *args, **kwargs):
        return self.handle_get(request, lambda: self.render_list(request))

    def retrieve(self, request, *args, **kwargs):
        return self.handle_get(request, lambda: self.render_detail(request))

    def filtered(self):
        """Whether a filter (or an ordering) is given: `locale` is applied by the list query itself."""
        filters = set(self.filterset_class.base_filters) - {"locale"}
        return not filters.isdisjoint(self.request.query_params)

    def render_list(self, request):
        """One page of the list: filtered through django-filter, or else by the list statement compiled once."""
        locale_id = self.request_locale()
        query = self.list_query
        if self.filtered():
            rows = query.rows(self.filter_queryset(query.pages(self.tree, locale_id)))
        else:
            rows = ListRows(query, self.tree, locale_id)
        rows = self.paginate_queryset(rows)
        items = [Row(**row) for row in rows]
        render = self.render_context(locale_id)
        self.prepare(items, render)
        render.resolve()
        serializer = self.get_serializer(items, many=True, context={"render": render, "request": request})
        return self.get_paginated_response(serializer.data)

    def render_detail(self, request):
        pk = int(self.kwargs["pk"])
        item = instance_by_id(self.model, pk, self.list_annotations) if pk <= MAX_PAGE_ID else None
        if item is None or not self.tree.shows(item):
            raise NotFound(f"No public {self.model._meta.verbose_name} with id {pk}.")
        return Response(self.represent_detail(item, request))

    def represent_draft(self, draft, request):
        """The detail JSON of a draft (the preview endpoint): list annotations evaluated on the instance."""
        self.preview = True
        for name, expression in self.list_annotations.items():
            setattr(draft, name, _follow(draft, expression))
        return self.represent_detail(draft, request)

    def represent_detail(self, item, request):
        """The detail JSON of a page instance: a live page here, a draft in the preview endpoint."""
        render = self.render_context(item.locale_id)
        self.prepare([item], render)
        render.resolve()
        return self.get_serializer_class()(item, context={"render": render, "request": request}).data


def _follow(instance, expression):
    """Evaluate an F("a__b") list annotation on an instance, as the database would for a saved row."""
    if not isinstance(expression, F):
        raise TypeError(f"Preview cannot evaluate the annotation {expression!r}.")
    value = instance
    for part in expression.name.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value
