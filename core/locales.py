from django.conf import settings


def sync_content_locales(locale_model):
    """Create a Locale for every configured content language; returns the codes created.

    Shared by the data migration (with the historical model) and the
    `sync_locales` command (with the live one), so adding a language is a
    settings change plus one command.
    """
    created = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        _locale, was_created = locale_model.objects.get_or_create(language_code=code)
        if was_created:
            created.append(code)
    return created
