"""Which translation a PO entry's context names, and whether the importer may write into it."""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Page, get_translatable_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationContext

from translation.permissions import can_edit_snippet


@dataclass
class Target:
    """One object's translation into the file's locale, with its strings loaded once for all its entries."""

    translation: Translation
    contexts: dict  # path -> TranslationContext
    segments: dict  # context id -> StringSegment
    existing: dict  # (string id, context id) -> StringTranslation

    @classmethod
    def load(cls, translation, locale):
        source = translation.source
        contexts = {context.path: context for context in TranslationContext.objects.filter(object_id=source.object_id)}
        segments = {
            segment.context_id: segment
            for segment in StringSegment.objects.filter(source=source).select_related("string").order_by("-order")
        }
        existing = {
            (row.translation_of_id, row.context_id): row
            for row in StringTranslation.objects.filter(locale=locale, context__object_id=source.object_id)
        }
        return cls(translation, contexts, segments, existing)


def translation_for(label, pk, locale, user):
    """The enabled Translation of the object `label:pk` into `locale`, or a message saying there is none.

    Only translatable models are looked up at all, and every reason for having
    no translation (no such model or object, a model that is not translated,
    nothing sent to this language, a translation the user may not edit) gets
    the same message: the answer never tells whether an object exists.
    """
    unknown = _("unknown string, %(object)s is not being translated into this language by you.") % {
        "object": f"{label}:{pk}"
    }
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return unknown
    if model not in get_translatable_models(include_subclasses=True):
        return unknown
    try:
        instance = model.objects.filter(pk=pk).first()
    except (ValueError, TypeError, ValidationError):
        return unknown
    if instance is None:
        return unknown
    translation = (
        Translation.objects.filter(
            enabled=True,
            source__object_id=instance.translation_key,
            source__locale_id=instance.locale_id,
            target_locale=locale,
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return unknown
    if user is not None:
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            return _("the translation of %(object)s no longer exists.") % {"object": f"{label}:{pk}"}
        if not may_translate(user, target):
            return unknown
    return translation


def may_translate(user, target):
    """Pages: Wagtail's edit rights on the translation; snippets: the project's locale-bound snippet rights."""
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_edit()
    return can_edit_snippet(user, target)
