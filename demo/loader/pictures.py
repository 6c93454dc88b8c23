"""The demo's pictures: drawn once, found again by their key, described as images.yaml says on every run."""

from django.core.files.images import ImageFile
from wagtail.images.models import Image

from demo.images import DEFAULT_COLOURS, draw_picture
from demo.loader.values import in_language


class DemoPictures:
    """Wagtail images by their key in images.yaml; what is drawn or re-described is counted in `created`."""

    def __init__(self, specs, created):
        self.specs = specs
        self.created = created
        self.images = {}

    def get(self, key, label=None):
        """The demo picture `key`, drawn once; its title and Polish description follow images.yaml on every run."""
        if key not in self.images:
            spec = self.specs.get(key, {"title": key.replace("-", " ").capitalize(), "label": label or key})
            title = f"{spec['title']} [{key}]"
            description = self.alt(key, "pl")
            # Found by its key: a picture from an older demo gets the title and description it has now.
            image = Image.objects.filter(title__endswith=f"[{key}]").order_by("pk").first()
            if image is None:
                picture = draw_picture(spec.get("label") or label or key, spec.get("colours", DEFAULT_COLOURS))
                image = Image(title=title, description=description)
                image.file = ImageFile(picture, name=f"demo-{key}.jpg")
                image.save()
                self.created["wagtailimages.Image"] += 1
            elif (image.title, image.description) != (title, description):
                image.title, image.description = title, description
                image.save(update_fields=["title", "description"])
                self.created["image descriptions"] += 1
            self.images[key] = image
        return self.images[key]

    def alt(self, key, lang):
        """The alternative text of the demo picture `key` in `lang`: its description in images.yaml."""
        return in_language(self.specs.get(key, {}).get("description"), lang)
