"""Each page item's translation status, so a frontend can say "translation in progress".

Loaded once per response for every page the response's `render.translations`
knows (the view fills it for all its items before serializing), so a list costs
one extra query whatever its size. The definitions of *complete* and *up to
date* are those of the admin's status report (`translation.status`).
"""

from rest_framework import serializers

from translation.status import status_by_key


class TranslationStatusSerializer(serializers.Serializer):
    source_locale = serializers.CharField(help_text="Language the content was written in.")
    is_source = serializers.BooleanField(help_text="True for the original; false for a translation.")
    complete = serializers.BooleanField(help_text="Every text of the source has been translated.")
    up_to_date = serializers.BooleanField(
        help_text="Complete, and what is published matches the current source (false: translation in progress)."
    )


def translation_status(page, render):
    """{source_locale, is_source, complete, up_to_date} of `page`."""
    statuses = getattr(render, "translation_statuses", None)
    if statuses is None or page.translation_key not in statuses["keys"]:
        keys = {*render.translations, page.translation_key}
        statuses = {"keys": keys, "found": status_by_key(keys)}
        render.translation_statuses = statuses
    source_locale_id, progress = statuses["found"].get((page.translation_key, page.locale_id), (page.locale_id, None))
    return {
        "source_locale": render.tree.locale_codes.get(source_locale_id, ""),
        "is_source": progress is None,
        "complete": True if progress is None else progress.complete,
        "up_to_date": True if progress is None else progress.up_to_date,
    }
