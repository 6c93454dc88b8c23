"""What a browser journey may show a user of the admin: their language's texts and content, nothing else.

A screen's visible text (and its placeholders, titles and ARIA labels) is
compared with the catalogs: no translation of the other language, and no
English original of a string translated into the user's, may appear. Content
(page titles, texts being translated, topic names, people's names) is written in
whatever language its author chose and is taken out before the comparison.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import String, StringTranslation

from practices.models import Topic
from translation import admin_catalogs

#: The texts of elements' placeholders, titles and ARIA labels: visible, but not in the page's inner text.
LABELS = """elements => elements.flatMap(element =>
    ["placeholder", "title", "aria-label"].map(name => element.getAttribute(name)).filter(Boolean))"""
OTHER = {"pl": "cs", "cs": "pl"}


def catalog_texts(language):
    """(msgctxt, msgid) -> every text the admin shows for it in `language` (plural forms included)."""
    scopes = [
        ("django", None),
        *(("djangojs", apps.get_app_config(app)) for app in ("wagtailadmin", "wagtail_localize")),
    ]
    texts = {}
    for domain, config in scopes:
        for key, entry in admin_catalogs.effective(language, domain, config).items():
            forms = [entry.msgstr] if entry.msgstr else [form for form in entry.msgstr_plural.values() if form]
            texts.setdefault(key, set()).update(forms)
    return texts


def english_originals():
    """(msgctxt, msgid) -> the English texts of every string of the pinned packages and of our apps."""
    originals = {}
    catalogs = [path for _config, _domain, path in admin_catalogs.source_catalogs()]
    catalogs.append(Path(settings.LOCALE_PATHS[0]) / "pl" / "LC_MESSAGES" / "django.po")
    for path in catalogs:
        for entry in admin_catalogs.source_entries(path):
            originals.setdefault((entry.msgctxt, entry.msgid), set()).update(
                filter(None, [entry.msgid, entry.msgid_plural])
            )
    return originals


def plain(text):
    """A whole phrase worth looking for: no placeholder or markup, long enough not to occur by chance."""
    return len(text) >= 6 and not re.search(r"[%{}<>&\n]", text) and re.search(r"[^\W\d_]{3}", text)


def wrong_phrases(language):
    """The other language's texts and the English originals of strings translated into `language`."""
    own = catalog_texts(language)
    own_texts = {text.casefold() for texts in own.values() for text in texts}
    foreign = {text for texts in catalog_texts(OTHER[language]).values() for text in texts}
    english = {
        text for key, originals in english_originals().items() for text in originals if text not in own.get(key, ())
    }
    # A phrase that is also part of one of the language's own texts ("Slug", "Token", "Alias") says nothing.
    return {text for text in foreign | english if plain(text) and not any(text.casefold() in own for own in own_texts)}


def found_in(phrases, text):
    return sorted(p for p in phrases if p in text and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text))


def around(phrase, text):
    """The phrase where it was seen, for the failure message."""
    start = text.index(phrase)
    return repr(text[max(0, start - 60) : start + len(phrase) + 60])


def content_texts():
    """Content, in whatever language it is written: page titles, texts and their translations, topics, images,
    people's names."""
    texts = {title for pair in Page.objects.values_list("title", "draft_title") for title in pair}
    texts |= set(String.objects.values_list("data", flat=True))
    texts |= set(StringTranslation.objects.values_list("data", flat=True))
    texts |= {name for pair in Topic.objects.values_list("name", "description") for name in pair}
    texts |= set(get_image_model().objects.values_list("title", flat=True))
    for user in get_user_model().objects.all():
        texts |= {user.get_full_name(), user.get_username()}
    return sorted(filter(None, texts), key=len, reverse=True)


def read(page):
    """Everything the screen shows in words, once it has settled."""
    page.wait_for_load_state("networkidle")
    return "\n".join(
        [page.inner_text("body"), *page.eval_on_selector_all("[placeholder], [title], [aria-label]", LABELS)]
    )


def script_text(language, msgid, app="wagtail_localize"):
    """What the admin's scripts (an app's djangojs catalog) show for `msgid` in `language`."""
    entry = admin_catalogs.effective(language, "djangojs", apps.get_app_config(app)).get((None, msgid))
    return entry.msgstr if entry is not None and entry.msgstr else msgid


def foreign_texts(language, shown):
    """The phrases of `shown` (texts read from screens) that are not in `language` nor content; [] is right."""
    for written in content_texts():
        shown = shown.replace(written, "")
    # Identifiers such as "events.eventpage" (the page types report) are names, not texts.
    shown = re.sub(r"\b\w+(?:\.\w+)+\b", "", shown)
    # Python's None, in any language, is no text either (the aging pages report's publisher, the page search).
    wrong = found_in(wrong_phrases(language) | {"None"}, shown)
    return [around(phrase, shown) for phrase in wrong]
