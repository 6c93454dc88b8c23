"""StreamField data for the demo: one language's blocks, with ids both languages share."""

from demo.loader.values import DemoContentError, in_language, stable_uuid


def stream(blocks, lang, *id_parts, pictures=None):
    """Raw StreamField data whose block ids are stable, so both languages share segment paths.

    Image blocks take their picture from `pictures` (`DemoPictures`).
    """
    raw = []
    for index, block in enumerate(blocks or []):
        kind, value = block["type"], block["value"]
        if kind in ("paragraph", "heading"):
            value = in_language(value, lang)
        elif kind == "quote":
            value = {
                "text": in_language(value["text"], lang),
                "attribution": in_language(value.get("attribution"), lang),
            }
        elif kind == "image":
            value = {
                "image": pictures.get(value["image"]).pk,
                "caption": in_language(value.get("caption"), lang),
                "alt_text": in_language(value.get("alt_text"), lang) or pictures.alt(value["image"], lang),
            }
        elif kind == "key_figures":
            value = [
                {
                    "type": "item",
                    "id": str(stable_uuid(*id_parts, index, position)),
                    "value": {"value": str(figure["value"]), "label": in_language(figure["label"], lang)},
                }
                for position, figure in enumerate(value)
            ]
        elif kind == "item":
            value = in_language(value, lang)
        else:
            raise DemoContentError(f"Unknown block type {kind!r} in {id_parts}")
        raw.append({"type": kind, "value": value, "id": str(stable_uuid(*id_parts, index))})
    return raw


def fact_list(items, lang, *id_parts):
    """A list of plain-text items (the home page's objectives, activities, target groups)."""
    return stream([{"type": "item", "value": item} for item in items or []], lang, *id_parts)
