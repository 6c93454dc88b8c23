"""Editors' autosave without a flood of refused saves (imported by `translation.wagtail_hooks`).

WAGTAIL_AUTOSAVE_INTERVAL (settings) sets the pause Wagtail waits for before a
save; `translation/static/translation/autosave.js`, loaded in every page and
snippet editor, doubles that wait after each refused save (an invalid new
page) and restores it after a successful one.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def autosave_backoff_js():
    return format_html('<script src="{}"></script>', static("translation/autosave.js"))
