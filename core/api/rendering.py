"""Turns stored content into public JSON: rich text, StreamField blocks, images, documents, page links.

Rendering runs in three passes so that a response costs a fixed number of
queries however many items or blocks it holds: `collect_*` notes every image,
document and linked page; `resolve()` loads them all at once (images with their
renditions); the render methods then only read from memory.
"""

import html as html_entities
import logging
import re

from django.db.models import Q
from django.urls import reverse
from django.utils.html import escape
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from core.api.cache import PerVersion

logger = logging.getLogger(__name__)

#: Named rendition sizes every image carries in the API.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


#: Rendered image representations, per content version, origin and image id. Image
#: changes renew the content version, so an entry is never stale; renditions are
#: derived data, so this only spares recomputing them on every response.
_rendered_images = PerVersion(dict)

#: A tag, for telling rich text that holds words from the empty paragraphs the admin's editor saves
#: for a field left blank (`<p data-block-key="…"></p>`), which would give the portal a heading over nothing.
_TAG = re.compile(r"<[^>]*>")


class RenderContext:
    """Everything one response needs to render its items, loaded in bulk."""

    def __init__(self, *, request, tree, locale_id, version=None):
        self.request = request
        self.tree = tree
        self.locale_id = locale_id
        self.version = version
        self.image_ids, self.document_ids, self.page_ids = set(), set(), set()
        self.images, self.documents, self.linked_pages = {}, {}, {}
        self.translations = {}
        #: Related pages localised into this response's locale, loaded by the view (e.g. "partners").
        self.related = {}
        #: The translation statuses of this response's pages, loaded on first use by `core.api.translation_status`.
        self.translation_statuses = None
        self._origin = None
        self._api_urls = {}
        self._rendered_images = _rendered_images.get(version) if version else {}

    # Pass 1: collect

    def collect_rich_text(self, html):
        for match in FIND_A_TAG.finditer(html or ""):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") == "page" and attrs.get("id", "").isdigit():
                self.page_ids.add(int(attrs["id"]))
            elif attrs.get("linktype") == "document" and attrs.get("id", "").isdigit():
                self.document_ids.add(int(attrs["id"]))

    def collect_stream(self, stream_value):
        self._walk(stream_value.stream_block, stream_value.raw_data, self._collect_leaf)

    def _collect_leaf(self, block, raw):
        if isinstance(block, ImageChooserBlock) and raw:
            self.image_ids.add(raw)
        elif isinstance(block, DocumentChooserBlock) and raw:
            self.document_ids.add(raw)
        elif isinstance(block, blocks.PageChooserBlock) and raw:
            self.page_ids.add(raw)
        elif isinstance(block, blocks.RichTextBlock):
            self.collect_rich_text(raw)
        return raw

    # Pass 2: resolve

    def resolve(self):
        origin = self.absolute("")
        self._load_images({pk for pk in self.image_ids - set(self.images) if (origin, pk) not in self._rendered_images})
        if self.document_ids:
            self.documents = get_document_model().objects.in_bulk(self.document_ids)
        if self.page_ids:
            self.linked_pages = self._localized_links(self.page_ids)

    def _load_images(self, image_ids):
        """Images with their API renditions in one query; renditions still missing are made on first use."""
        if not image_ids:
            return
        image_model = get_image_model()
        renditions = image_model.get_rendition_model().objects.filter(
            image_id__in=image_ids, filter_spec__in=list(IMAGE_RENDITIONS.values())
        )
        for rendition in renditions.select_related("image"):
            image = self.images.setdefault(rendition.image_id, rendition.image)
            image.prefetched_renditions = [*getattr(image, "prefetched_renditions", []), rendition]
        without_renditions = image_ids - set(self.images)
        if without_renditions:
            self.images.update(image_model.objects.in_bulk(without_renditions))

    def _localized_links(self, page_ids):
        """Linked page id -> frontend path, preferring the translation in this response's locale."""
        rows = list(
            Page.objects.filter(
                Q(pk__in=page_ids)
                | Q(
                    translation_key__in=Page.objects.filter(pk__in=page_ids).values("translation_key"),
                    locale_id=self.locale_id,
                )
            ).values("id", "translation_key", "locale_id", "url_path", "path", "live")
        )
        visible = {row["id"]: row for row in rows if row["live"] and not self.tree.hides(row["path"])}
        in_locale = {row["translation_key"]: row for row in visible.values() if row["locale_id"] == self.locale_id}
        by_id = {row["id"]: row for row in rows}
        paths = {}
        for page_id in page_ids:
            original = by_id.get(page_id)
            if original is None:
                continue
            target = in_locale.get(original["translation_key"]) or visible.get(page_id)
            if target is not None:
                paths[page_id] = self.tree.path_for(target["locale_id"], target["url_path"])
        return paths

    # Pass 3: render

    def absolute(self, url):
        if url.startswith("/") or url == "":
            if self._origin is None:
                self._origin = self.request.build_absolute_uri("/")[:-1]
            return self._origin + url
        return self.request.build_absolute_uri(url)

    def api_url(self, endpoint, pk):
        """Absolute URL of an item's detail endpoint; reversed once per endpoint, not once per item."""
        template = self._api_urls.get(endpoint)
        if template is None:
            template = self._api_urls[endpoint] = self.absolute(reverse(f"api:{endpoint}-detail", args=[0])[:-2])
        return f"{template}{pk}/"

    def rich_text(self, html):
        """Clean public HTML: page links to frontend paths, document links to their URLs, no internal markup."""
        if not html:
            return ""

        def replace_link(match):
            attrs = extract_attrs(match.group(1))
            linktype = attrs.get("linktype")
            if linktype is None:
                return match.group(0)
            href = None
            if linktype == "page" and attrs.get("id", "").isdigit():
                href = self.linked_pages.get(int(attrs["id"]))
            elif linktype == "document" and attrs.get("id", "").isdigit():
                document = self.documents.get(int(attrs["id"]))
                href = self.absolute(document.url) if document else None
            return f'<a href="{escape(href)}">' if href else "<a>"

        html = FIND_EMBED_TAG.sub("", FIND_A_TAG.sub(replace_link, html))
        return html if html_entities.unescape(_TAG.sub("", html)).strip() else ""

    def image(self, image_or_id, alt=None):
        """An image with its renditions, or None; a non-empty `alt` (the page's own) overrides its description."""
        key = (self.absolute(""), image_or_id if isinstance(image_or_id, int) else image_or_id.pk)
        if key not in self._rendered_images:
            image = self.images.get(image_or_id) if isinstance(image_or_id, int) else image_or_id
            self._rendered_images[key] = None if image is None else self._render_image(image)
        rendered = self._rendered_images[key]
        if rendered is None or not alt:
            return rendered
        return {**rendered, "alt": alt}

    def _render_image(self, image):
        try:
            renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
        except SourceImageIOError:
            logger.warning("Image %s has no readable file; left out of the API response.", image.pk)
            return None
        return {
            "id": image.pk,
            "title": image.title,
            "alt": image.description,
            "width": image.width,
            "height": image.height,
            "renditions": {
                name: {
                    "url": self.absolute(renditions[spec].url),
                    "width": renditions[spec].width,
                    "height": renditions[spec].height,
                }
                for name, spec in IMAGE_RENDITIONS.items()
            },
        }

    def document(self, document_id):
        document = self.documents.get(document_id)
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": document.title,
            "url": self.absolute(document.url),
            "filename": document.filename,
        }

    def stream(self, stream_value):
        """Typed JSON blocks: `{"type", "id", "value"}`, images and documents expanded."""
        return self._walk(stream_value.stream_block, stream_value.raw_data, self._render_leaf)

    def _render_leaf(self, block, raw):
        if isinstance(block, ImageChooserBlock):
            return self.image(raw) if raw else None
        if isinstance(block, DocumentChooserBlock):
            return self.document(raw) if raw else None
        if isinstance(block, blocks.PageChooserBlock):
            return self.linked_pages.get(raw)
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(raw)
        if isinstance(block, EmbedBlock):
            return {"url": raw or ""}
        return raw

    def _walk(self, block, raw, leaf):
        """Walk raw block data with its block definition, applying `leaf` to every non-structural block."""
        if isinstance(block, blocks.StreamBlock):
            rendered = []
            for child in raw or []:
                child_block = block.child_blocks.get(child.get("type"))
                if child_block is not None:
                    value = self._walk(child_block, child.get("value"), leaf)
                    rendered.append({"type": child["type"], "id": child.get("id"), "value": value})
            return rendered
        if isinstance(block, blocks.StructBlock):
            raw = raw or {}
            value = {name: self._walk(child, raw.get(name), leaf) for name, child in block.child_blocks.items()}
            return _with_own_alt_text(block, raw, value)
        if isinstance(block, blocks.ListBlock):
            items = raw or []
            return [
                self._walk(block.child_block, item["value"] if _is_list_item(item) else item, leaf) for item in items
            ]
        return leaf(block, raw)


def _with_own_alt_text(block, raw, value):
    """An image block's own alt text (in the page's language, translated with it) becomes its image's `alt`."""
    image, alt = value.get("image"), (raw.get("alt_text") or "").strip()
    if alt and isinstance(image, dict) and isinstance(block.child_blocks.get("image"), ImageChooserBlock):
        value["image"] = {**image, "alt": alt}
    return value


def _is_list_item(item):
    return isinstance(item, dict) and item.get("type") == "item" and "value" in item
