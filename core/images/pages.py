"""A page's own alternative text for the images it shows, filled from the library and kept in its language."""

from wagtail.admin.forms import WagtailAdminPageForm

from core.images import MISSING_ALT_ON_PAGE


class ImageAltPageForm(WagtailAdminPageForm):
    """The page form for models declaring `image_alt_fields = {"image field": "its alt text field"}`.

    When the editor leaves the alt text empty, or chooses another image
    without touching it, the image's description is written into it; with
    neither, the field asks for one. Copying the text into the page makes it
    one of the page's strings: wagtail-localize gives it to the translator,
    and each language's page serves its own.
    """

    def clean(self):
        cleaned_data = super().clean()
        for image_field, alt_field in getattr(self._meta.model, "image_alt_fields", {}).items():
            image = cleaned_data.get(image_field)
            if image is None or alt_field not in self.fields:
                continue
            alt = (cleaned_data.get(alt_field) or "").strip()
            image_replaced = image_field in self.changed_data and alt_field not in self.changed_data
            if not alt or image_replaced:
                alt = image.description.strip()
            if alt:
                cleaned_data[alt_field] = alt
            else:
                self.add_error(alt_field, MISSING_ALT_ON_PAGE)
        return cleaned_data
