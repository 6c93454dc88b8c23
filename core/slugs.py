"""Readable ASCII slugs in both languages: `Opole–Ołomuniec` → `opole-olomuniec`.

Django's `slugify` drops letters without a decomposition (`ł` → nothing) and
swallows dashes between words, and wagtail-localize copies the source page's
slug into a new translation. So the admin's slug field transliterates Polish
and Czech letters and dashes as the editor types (the JS formatters below),
and a translation whose slug is still its source's, under a translated title,
gets one made from that title before it is first published. After that a
slug is left alone: changing it would break links people already use.
"""

import re

from django.db.models.signals import pre_save
from django.utils.text import slugify
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput
from wagtail.coreutils import find_available_slug, string_to_ascii
from wagtail.models import Page

#: Hyphens, dashes and the minus sign, with the spaces around them: one word separator.
DASHES = r"\s*[\u2010-\u2015\u2212]\s*"

#: The Polish and Czech letters outside ASCII, by the ASCII letter they are written as in a URL.
LETTERS = {
    "a": "ąáĄÁ",
    "c": "ćčĆČ",
    "d": "ďĎ",
    "e": "ęéěĘÉĚ",
    "i": "íÍ",
    "l": "łŁ",
    "n": "ńňŃŇ",
    "o": "óÓ",
    "r": "řŘ",
    "s": "śšŚŠ",
    "t": "ťŤ",
    "u": "úůÚŮ",
    "y": "ýÝ",
    "z": "źżžŹŻŽ",
}

#: The admin slug field's formatters (regex, replacement), run by Wagtail's slug controller before it slugifies.
SLUG_FORMATTERS = [(DASHES, "-"), *((f"[{letters}]", ascii) for ascii, letters in LETTERS.items())]


def readable_slug(text):
    """The slug a title reads as, in ASCII: letters transliterated, dashes kept as separators."""
    return slugify(string_to_ascii(re.sub(DASHES, "-", text)))


class ReadableSlugInput(SlugInput):
    """Wagtail's slug field, transliterating Polish and Czech letters and dashes instead of dropping them."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or SLUG_FORMATTERS, locale=locale)


def copied_from_a_translation(page):
    """Whether the page's slug is another language's (as wagtail-localize copied it, perhaps re-slugified)."""
    others = (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .values_list("slug", "title")
    )
    return any(page.slug in {slug, slugify(slug)} and page.title != title for slug, title in others)


def derive_translation_slug(sender, instance, raw=False, **kwargs):
    """A slug copied from another language follows the translation's own title until it is first published.

    wagtail-localize writes the source's slug again on every sync; once the
    translation has been published, the slug it had stays.
    """
    if raw or not isinstance(instance, Page) or instance.pk is None or instance.depth is None or instance.depth <= 2:
        return
    if not copied_from_a_translation(instance):
        return
    if instance.first_published_at is not None:
        instance.slug = Page.objects.filter(pk=instance.pk).values_list("slug", flat=True).first() or instance.slug
        return
    wanted = readable_slug(instance.title)
    if wanted:
        instance.slug = find_available_slug(instance.get_parent(), wanted, ignore_page_id=instance.pk)


def connect():
    register_form_field_override(Page._meta.get_field("slug").__class__, override={"widget": ReadableSlugInput})
    pre_save.connect(derive_translation_slug, dispatch_uid="a4b-translation-slug")
