"""A validated original practice, once published, is submitted for translation into the other language."""

from wagtail.signals import page_published

from practices.models import PracticePage
from translation.status import translation_into_locale_of
from validation.services import submit_for_translation


def _submit_validated(sender, instance, revision=None, **kwargs):
    if instance.validated_at is not None and translation_into_locale_of(instance) is None:
        submit_for_translation(instance, user=revision.user if revision else None)


def connect():
    page_published.connect(_submit_validated, sender=PracticePage, dispatch_uid="a4b-validation-translate")
