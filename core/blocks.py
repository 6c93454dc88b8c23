"""StreamField blocks shared by practices, events, partners and standard pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from core.images import MISSING_ALT_ON_PAGE

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        required=False, max_length=255, label=_("caption"), help_text=_("Shown under the image.")
    )
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("alternative text"),
        help_text=_(
            "What the image shows, in this page's language, for people who cannot see it. Left empty, the "
            "image's description from the library is copied here when you save; it is translated with the page."
        ),
    )

    class Meta:
        icon = "image"
        label = _("Image")

    def clean(self, value):
        """The image's description fills an empty alt text, so it becomes a string of the page to translate."""
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not (value.get("alt_text") or "").strip():
            if not image.description.strip():
                raise StructBlockValidationError(block_errors={"alt_text": ValidationError(MISSING_ALT_ON_PAGE)})
            value["alt_text"] = image.description.strip()
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        required=False, max_length=255, label=_("attribution"), help_text=_("Who said it, and their role.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        required=False, max_length=255, label=_("title"), help_text=_("Link text; the document title if empty.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=32, label=_("figure"), help_text=_("e.g. 21, 35 km, 4.2 mln"))
    label = blocks.CharBlock(max_length=120, label=_("label"), help_text=_("What the figure counts."))


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Key figures")


class BodyBlock(blocks.StreamBlock):
    """The editorial body of practices, events, partners and standard pages."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    heading = blocks.CharBlock(max_length=120, icon="title", label=_("Heading"))
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(icon="media", label=_("Embed"), help_text=_("A video or map URL, e.g. YouTube."))
    document = DocumentBlock()
    key_figures = KeyFiguresBlock()


class ExternalLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, label=_("title"))
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("External link")
