"""Every field of every translatable model is declared either translated or synchronised.

wagtail-localize silently ignores a field that is in neither list: a Czech page
would keep whatever value it had when it was first copied. So the lists must
name every field editors can fill in, and nothing else.
"""

import pytest
from django.apps import apps
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from events.models import EventPage
from home.models import HomePage
from partners.models import PartnerContact, PartnerPage
from practices.models import PracticePage, PracticeTopic, Topic

PROJECT_APPS = {"core", "home", "partners", "practices", "events", "search", "demo"}
# The Page fields editors fill in; the rest of Page (tree, publishing, locks, ...) is Wagtail's.
PAGE_CONTENT_FIELDS = {"title", "slug", "seo_title", "search_description"}
PAGE_CHILD_RELATIONS = {relation.get_accessor_name() for relation in get_all_child_relations(Page)}
# What drafts and locks add to a snippet (topics) is Wagtail's publishing state, as on Page.
PUBLISHING_FIELDS = {
    field.name for mixin in (DraftStateMixin, LockableMixin, RevisionMixin) for field in mixin._meta.local_fields
}

# Fields no editor fills in that translations must still carry: set by a workflow on the original (not editable),
# synchronised so that a translation brought up to date with it has them too.
CARRIED = {"practices.PracticePage": {"validated_at"}}


def content_field_names(model):
    """The model's own editable fields and child relations, plus the Page fields editors fill in."""
    names = set()
    for field in model._meta.concrete_fields:
        if field.primary_key or field.auto_created or not field.editable or isinstance(field, ParentalKey):
            continue
        if field.model is Page and field.name not in PAGE_CONTENT_FIELDS:
            continue
        if field.name in PUBLISHING_FIELDS:
            continue
        names.add(field.name)
    if issubclass(model, Page):
        names |= PAGE_CONTENT_FIELDS
    names |= {relation.get_accessor_name() for relation in get_all_child_relations(model)} - PAGE_CHILD_RELATIONS
    return names


TRANSLATABLE_MODELS = sorted(
    (
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and model._meta.app_label in PROJECT_APPS
    ),
    key=lambda model: model._meta.label,
)


def test_translatable_models_are_found():
    assert {HomePage, PracticePage, EventPage, PartnerPage, Topic, PracticeTopic, PartnerContact} <= set(
        TRANSLATABLE_MODELS
    )


@pytest.mark.parametrize("model", TRANSLATABLE_MODELS, ids=lambda model: model._meta.label)
def test_every_content_field_is_translated_or_synchronised(model):
    assert "translatable_fields" in vars(model), f"{model._meta.label} inherits or lacks translatable_fields"
    declared = [field.field_name for field in model.translatable_fields]
    assert all(isinstance(field, (TranslatableField, SynchronizedField)) for field in model.translatable_fields)

    assert len(declared) == len(set(declared)), "a field is declared twice"
    assert set(declared) == content_field_names(model) | CARRIED.get(model._meta.label, set())
