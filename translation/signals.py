"""The public API tells whether a translation is complete and current, so translation work renews its cache.

Syncing a source or saving a string changes no page, which is what the API's
content version otherwise follows (see `core.signals`).
"""

from django.db.models.signals import post_delete, post_save
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.api.cache import bump_content_version


def _renew(sender, **kwargs):
    if not kwargs.get("raw"):
        bump_content_version()


def connect():
    for model in (TranslationSource, Translation, StringTranslation):
        post_save.connect(_renew, sender=model, dispatch_uid=f"a4b-translation-status-{model.__name__}-save")
        post_delete.connect(_renew, sender=model, dispatch_uid=f"a4b-translation-status-{model.__name__}-delete")
