"""Alternative text for images: required in the library, carried per page and language, reported when missing.

An image's `description` (Wagtail's own field, its default alt text since 6.3)
is what the library knows about the picture, in the uploader's language. A page
that shows an image keeps its own alternative text beside it (a translatable
field or block), filled from the description when the editor leaves it empty,
so that wagtail-localize hands it to the translator with the rest of the page and
the API can serve it in each language.
"""

from django.utils.translation import gettext_lazy as _

#: The library's form, when an image is saved without a description.
MISSING_ALT = _("Describe the image for people who cannot see it: what it shows, in one sentence.")
#: A page's form, when it shows an image that has no description and the page gives none either.
MISSING_ALT_ON_PAGE = _(
    "This image has no description in the library: describe it here, in this page's language, "
    "for people who cannot see it."
)
