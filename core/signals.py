"""Keeps the API's content version in step with what editors do."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from core.api.cache import bump_content_version

#: Models whose rows shape public responses. Renditions are left out on purpose:
#: the API creates them while rendering, and must not invalidate itself.
WATCHED_MODELS = (PageViewRestriction, Image, Document, Locale, Site)


def _is_watched(sender):
    from wagtail.models import TranslatableMixin

    return issubclass(sender, Page | TranslatableMixin) or sender in WATCHED_MODELS


def _on_save_or_delete(sender, **kwargs):
    if kwargs.get("raw"):
        return
    if _is_watched(sender):
        bump_content_version()


def connect():
    post_save.connect(_on_save_or_delete, dispatch_uid="a4b-api-version-save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="a4b-api-version-delete")
    post_page_move.connect(bump_content_version, dispatch_uid="a4b-api-version-move")
