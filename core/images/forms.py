"""The image library's forms (Wagtail's, through WAGTAILIMAGES_IMAGE_FORM_BASE) with the description required."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from core.images import MISSING_ALT


class ImageForm(BaseImageForm):
    """Every form Wagtail builds for images: upload, edit, the multiple uploader and the chooser's upload tab.

    The description is required here, in the forms, and not in the database:
    images uploaded before keep working and show in the "Images without
    alternative text" report until someone describes them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")  # absent from partial forms, e.g. bulk "add to collection"
        if field is not None:
            field.required = True
            field.label = _("Alternative text (description)")
            field.help_text = _(
                "What the image shows, for people who cannot see it; used wherever the image appears. "
                "Pages keep their own copy, which travels with their translation."
            )
            field.error_messages["required"] = MISSING_ALT
