"""What a page links to through its own inline lists, declared by its view and loaded for live pages and drafts alike.

A practice lists its implementing institutions and its topics, an event the
practices it presents: inline lists (orderable `ParentalKey` models) that the
editors fill in on the page. A published page's links are in the link tables,
read for every item of a response in one query per list. A draft's, shown by
the preview endpoint, are in its revision, in memory, while the tables still
hold the published page's. The view declares its lists
(`PublicPageViewSet.links`) and `load_links()` reads each from where it is, so
no app writes both paths.

Each list fills `render.related[name]` with {item id: [Row, ...]}, in the
editors' order.
"""

from dataclasses import dataclass

from core.api.sql.links import draft_linked_rows, draft_snippet_rows, linked_rows, snippet_rows


@dataclass(frozen=True)
class Links:
    #: The key of `render.related` the rows go to.
    name: str
    #: The page's inline list: its `ParentalKey`'s `related_name`, e.g. "institutions".
    via: str
    #: The field of the link model that names the linked item, e.g. "partner".
    target: str
    #: Columns of the linked item that the serializers read, besides those every row has.
    fields: tuple[str, ...] = ()
    #: Loaded for a detail only; lists do without.
    detail_only: bool = False
    #: An item linked twice (e.g. through two of its translations) is listed once.
    distinct: bool = False

    def link_model(self, model):
        """(the link model, its field naming the page that holds the link) of `model`'s inline list."""
        relation = model._meta.get_field(self.via)
        return relation.related_model, relation.field.name

    def target_model(self, model):
        return self.link_model(model)[0]._meta.get_field(self.target).related_model

    def published(self, model, page_ids, tree, locale_id):
        """[(page id, Row)] of the published pages' links, from the link tables."""
        raise NotImplementedError

    def drafted(self, draft, tree, locale_id):
        """[(page id, Row)] of a draft's links, from the draft's own inline list."""
        raise NotImplementedError


class PageLinks(Links):
    """Links to pages: each linked page in the response's locale, and only if it is public there.

    Links are synchronised from the source language, so they point at the
    source page; the rows are of its translation (`core.api.sql.linked_rows`).
    """

    def published(self, model, page_ids, tree, locale_id):
        link_model, owner = self.link_model(model)
        target_model = self.target_model(model)
        return linked_rows(
            link_model, owner, self.target, target_model, locale_id, tree, owner_ids=page_ids, extra_fields=self.fields
        )

    def drafted(self, draft, tree, locale_id):
        links = getattr(draft, self.via).all()
        target_model = self.target_model(type(draft))
        return draft_linked_rows(draft.pk, links, self.target, target_model, locale_id, tree, self.fields)


class SnippetLinks(Links):
    """Links to snippets with a draft state (e.g. topics): only their published ones, each a Row of `id` and `fields`.

    Each language's page links to its own language's snippets, so no
    localising is needed.
    """

    def published(self, model, page_ids, tree, locale_id):
        link_model, owner = self.link_model(model)
        return snippet_rows(link_model, owner, self.target, self.target_model(model), page_ids, self.fields)

    def drafted(self, draft, tree, locale_id):
        links = getattr(draft, self.via).all()
        return draft_snippet_rows(draft.pk, links, self.target, self.target_model(type(draft)), self.fields)


def load_links(links, model, items, render, tree, *, drafts, detail):
    """Fill `render.related` with each declared list: from the link tables, or from `items` if they are drafts."""
    for link in links:
        if link.detail_only and not detail:
            continue
        if drafts:
            pairs = [pair for draft in items for pair in link.drafted(draft, tree, render.locale_id)]
        else:
            pairs = link.published(model, [item.pk for item in items], tree, render.locale_id)
        grouped = {}
        for page_id, row in pairs:
            grouped.setdefault(page_id, []).append(row)
        if link.distinct:
            grouped = {page_id: list({row.id: row for row in rows}.values()) for page_id, rows in grouped.items()}
        render.related[link.name] = grouped
