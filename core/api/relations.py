"""Items related to a page through links that another app owns, loaded for that page's detail.

"The events that present this practice" are stored on the events (their
`related_practices`), "the practices of this partner" on the practices (their
institutions). Each app that owns such a link provides the query here in its
`ready()`, and the page's view asks for whatever is provided, so an app below
never imports one above it (practices do not import events; partners import
neither practices nor events).
"""

_providers = {}


def provide(model, name, rows):
    """Fill `render.related[name]` in `model`'s detail with `rows(page, tree, locale_id)` (a list of Rows)."""
    _providers.setdefault(model, {})[name] = rows


def load_related(model, page, render, tree):
    for name, rows in _providers.get(model, {}).items():
        render.related[name] = rows(page, tree, render.locale_id)
