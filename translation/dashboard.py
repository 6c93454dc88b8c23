"""The translators' work queue on the admin dashboard: what waits for them, newest first.

Without it a new translation is found only alphabetically in the status
report, as "0/18". The queue lists the translations into the translator's
locales that still lack strings or hold machine strings nobody checked, with
the counts and a direct link to the translation editor.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Q
from wagtail.admin.ui.components import Component
from wagtail_localize.models import Translation

from translation.roles import TRANSLATOR, group_name
from translation.status import Progress, with_progress

#: How many translations the panel lists; the status report has the rest.
QUEUE_LENGTH = 10


@dataclass(frozen=True)
class QueuedTranslation:
    title: str
    target_locale: str
    progress: Progress
    edit_url: str


def translator_locale_codes(user):
    """The languages `user` translates into, by their translator groups (administrators translate nothing)."""
    names = {group_name(TRANSLATOR, code): code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    return sorted(names[name] for name in user.groups.filter(name__in=names).values_list("name", flat=True))


def translation_queue(locale_codes, limit=QUEUE_LENGTH):
    """(the first `limit` translations into these languages with work left, newest first; how many there are)."""
    waiting = (
        with_progress(
            Translation.objects.filter(enabled=True, target_locale__language_code__in=locale_codes).select_related(
                "source", "target_locale"
            )
        )
        .filter(Q(translated_strings__lt=F("total_strings")) | Q(machine_strings__gt=0))
        .order_by("-source__last_updated_at", "-pk")
    )
    return [_queued(translation) for translation in waiting[:limit]], waiting.count()


def _queued(translation):
    try:
        edit_url = translation.get_target_instance_edit_url()
    except ObjectDoesNotExist:  # the target was deleted and the translation not yet disabled
        edit_url = ""
    return QueuedTranslation(
        title=translation.source.object_repr,
        target_locale=translation.target_locale.get_display_name(),
        progress=Progress.of(translation, translation.source.last_updated_at),
        edit_url=edit_url,
    )


class TranslationQueuePanel(Component):
    name = "translation_queue"
    template_name = "translation/translation_queue_panel.html"
    order = 90

    def __init__(self, locale_codes):
        self.locale_codes = locale_codes

    def get_context_data(self, parent_context=None):
        queued, total = translation_queue(self.locale_codes)
        return {"queued": queued, "total": total}
