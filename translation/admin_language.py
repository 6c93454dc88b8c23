"""The admin in the user's language where Wagtail and wagtail-localize fix a text too early or in English.

- Menus are built once per process, in the language of its first request:
  wagtail-localize's "Translations" report item is labelled with `gettext`, and
  Wagtail's "What's new in Wagtail 8.0" formats its lazy label, both at that
  moment, so a Czech editor met the Polish "Tłumaczenia" and "Co nowego w
  Wagtail 8.0". Both are labelled again for each request; "What's new", a link
  to Wagtail's English release notes, is left to administrators.
- wagtail-localize writes the dates of its string comments with `strftime`,
  always English ("Přeloženo ručně dne 3 December 2026"): they are written in
  the admin's language ("3. prosince 2026"), and its "PO File" tool too.
- Its translation editor says "Polski to Čeština translation" and "More
  actions" in English, from its compiled JavaScript: editor-language.js
  relabels them with the texts given here.
"""

import copy
import json

from django.templatetags.static import static
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import DismissibleMenuItem
from wagtail.utils.version import get_main_version
from wagtail_localize.compat import DATE_FORMAT
from wagtail_localize.models import StringTranslation

#: wagtail-localize's tool names that are English literals, as the admin shows them.
TOOL_NAMES = {"PO File": gettext_lazy("PO file")}
WHATS_NEW = f"whats-new-in-wagtail-{get_main_version(include_patch=False)}"


@hooks.register("construct_reports_menu")
def relabel_translations_report(request, menu_items):
    from wagtail_localize.wagtail_hooks import TranslationsReportMenuItem  # a hooks module: imported by Wagtail

    for index, item in enumerate(menu_items):
        if isinstance(item, TranslationsReportMenuItem):
            menu_items[index] = relabelled(item, gettext("Translations"))


@hooks.register("construct_help_menu")
def relabel_whats_new(request, menu_items):
    for item in [item for item in menu_items if isinstance(item, DismissibleMenuItem) and item.name == WHATS_NEW]:
        if request.user.is_superuser:
            label = gettext("What's new in Wagtail %(version)s") % {"version": get_main_version(include_patch=False)}
            menu_items[menu_items.index(item)] = relabelled(item, label)
        else:
            menu_items.remove(item)


def relabelled(item, label):
    """A copy of a cached menu item with this request's label (the cached one serves every language)."""
    item = copy.copy(item)
    item.attrs = dict(item.attrs)
    item.label = label
    return item


@hooks.register("insert_editor_js")
def translation_editor_texts():
    """The texts editor-language.js puts in place of the translation editor's English ones."""
    texts = {
        "title": gettext("Translation: %(source)s → %(target)s"),
        "More actions": gettext("More actions"),
    }
    return format_html(
        '<script src="{}" data-editor-language="{}" defer></script>',
        static("translation/js/editor-language.js"),
        json.dumps(texts, ensure_ascii=False),
    )


def localized_date(value):
    return date_format(localtime(value), "DATE_FORMAT")


def localized_comment(original):
    """StringTranslation.get_comment with the date, and a known tool name, in the admin's language."""

    def get_comment(self):
        comment = original(self)
        if not comment or self.updated_at is None:
            return comment
        comment = comment.replace(self.updated_at.strftime(DATE_FORMAT), localized_date(self.updated_at))
        if self.tool_name in TOOL_NAMES:
            comment = comment.replace(self.tool_name, str(TOOL_NAMES[self.tool_name]))
        return comment

    get_comment.localized = True
    return get_comment


def install():
    """Called once from TranslationConfig.ready(); the hooks above register on import."""
    if not getattr(StringTranslation.get_comment, "localized", False):
        StringTranslation.get_comment = localized_comment(StringTranslation.get_comment)
