"""Each page item's translation status, so a frontend can say "translation in progress".

Loaded once per response for every page the response's `render.translations`
knows (the view fills it for all its items before serializing), so a list costs
one extra query whatever its size, and kept per content version: saving a
translated string, syncing and publishing all renew the version, so a kept
status is never stale, and the query (several milliseconds of planning and
counting on PostgreSQL) runs once per page and version rather than on every
response. The definitions of *complete* and *up to date* are those of the
admin's status report (`translation.status`), which the translation app hands
over in its `ready()` (`provide_statuses`): `core` imports no app above it.
"""

from django.core.exceptions import ImproperlyConfigured
from rest_framework import serializers

from core.api.cache import PerVersion

#: {(translation_key, locale_id): (source locale id, Progress)} for a set of translation keys.
_status_by_key = None


def provide_statuses(status_by_key):
    """Install the function that reads translations' progress (the translation app's `status_by_key`)."""
    global _status_by_key
    _status_by_key = status_by_key


class TranslationStatusSerializer(serializers.Serializer):
    source_locale = serializers.CharField(help_text="Language the content was written in.")
    is_source = serializers.BooleanField(help_text="True for the original; false for a translation.")
    complete = serializers.BooleanField(help_text="Every text of the source has been translated.")
    up_to_date = serializers.BooleanField(
        help_text="Complete, and what is published matches the current source (false: translation in progress)."
    )


class _Statuses:
    """Statuses known under one content version: the translation keys asked about and what was found."""

    def __init__(self):
        self.keys = set()
        self.found = {}

    def load(self, keys):
        missing = set(keys) - self.keys
        if missing:
            if _status_by_key is None:
                raise ImproperlyConfigured("No translation status source: is the translation app installed?")
            self.found.update(_status_by_key(missing))
            self.keys |= missing


_kept = PerVersion(_Statuses)


def _statuses(version):
    """The statuses kept for `version` (a fresh, unkept set when there is none, e.g. in previews)."""
    return _kept.get(version) if version else _Statuses()


def translation_status(page, render):
    """{source_locale, is_source, complete, up_to_date} of `page`."""
    statuses = render.translation_statuses
    if statuses is None:
        statuses = render.translation_statuses = _statuses(render.version)
    if page.translation_key not in statuses.keys:
        statuses.load({*render.translations, page.translation_key})
    source_locale_id, progress = statuses.found.get((page.translation_key, page.locale_id), (page.locale_id, None))
    return {
        "source_locale": render.tree.locale_codes.get(source_locale_id, ""),
        "is_source": progress is None,
        "complete": True if progress is None else progress.complete,
        "up_to_date": True if progress is None else progress.up_to_date,
    }
