"""The page types the public API knows, each registered once, by the app that owns it, in its `ready()`.

Before this registry the mapping "page model ↔ API type ↔ route" was written in
about nine places (find-page, preview, search, oEmbed, the embed share screen,
webhooks, navigation), and `core` imported every content app to know it. Now an
app states its page type once, beside its own views:

    register(PageType(PracticePage, "practice", order=10, viewset=PracticeViewSet, embed_size=(600, 520),
                      searchable=True))

and `core`, search, embeds, webhooks and the navigation read it here. `core`
imports no content app; the content apps import `core`.
"""

from dataclasses import dataclass

#: (type, detail route) of a page no type was registered for: section indexes and the like.
UNLISTED = ("index", None)


@dataclass(frozen=True)
class PageType:
    model: type
    #: The API's `type` of its pages ("practice"), in find-page, search, webhooks and the navigation.
    kind: str
    #: Where it comes in lists of types (search facets, the preview's answer shapes): lowest first.
    order: int
    #: Its public view: a viewset's `endpoint` is the detail route; a draft's preview answers as it does.
    viewset: type | None = None
    #: Whether the preview endpoint answers for drafts of this type.
    previewable: bool = False
    #: The serializer of the preview's answer, when it is not the viewset's detail serializer.
    preview_serializer: type | None = None
    #: (width, height) of its widget, for the pages that can be embedded on other sites.
    embed_size: tuple[int, int] | None = None
    #: Whether its live pages are in the site search.
    searchable: bool = False

    @property
    def endpoint(self):
        """The detail route under /api/v2/ (`practices` for /api/v2/practices/{id}/), or None."""
        return getattr(self.viewset, "endpoint", None)

    @property
    def label(self):
        return self.model._meta.label_lower

    def representation(self):
        """The serializer of this type's detail (and preview) answers."""
        return self.preview_serializer or self.viewset.detail_serializer_class


_registered = {}


def register(page_type):
    """Add a page type; registering a model twice is a mistake (two apps claiming it), so it raises."""
    if page_type.model in _registered:
        raise ValueError(f"{page_type.label} is registered already")
    _registered[page_type.model] = page_type


def page_types():
    """Every registered type, in their `order`."""
    return sorted(_registered.values(), key=lambda page_type: page_type.order)


def for_model(model):
    return _registered.get(model)


def for_label(label):
    """The type of a model known by its label ("practices.practicepage"), or None."""
    return next((page_type for page_type in _registered.values() if page_type.label == label), None)


def for_kind(kind):
    return next((page_type for page_type in _registered.values() if page_type.kind == kind), None)


def kind_and_endpoint(label):
    """(API type, detail route) of the model with this label; UNLISTED for unregistered models."""
    page_type = for_label(label)
    return (page_type.kind, page_type.endpoint) if page_type else UNLISTED


def previewable():
    return [page_type for page_type in page_types() if page_type.previewable]


def searchable():
    return [page_type for page_type in page_types() if page_type.searchable]


def embeddable():
    return [page_type for page_type in page_types() if page_type.embed_size]
