"""A page type's API is declared once, beside its panels: one line adds a field to lists, details and the schema."""

import json

import pytest
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from core.api.declared import DeclaredPageSerializer, schema_field
from core.api.viewsets import PublicPageViewSet
from core.api_fields import PublicField, list_columns, public_fields, rich_text_fields
from practices.models import PracticePage
from practices.serializers import PracticeDetailSerializer, PracticeSummarySerializer
from practices.views import PracticeViewSet


def test_the_practice_api_is_derived_from_its_declaration():
    listed = [field.name for field in public_fields(PracticePage, listed_only=True)]
    assert list(PracticeSummarySerializer._declared_fields)[-len(listed) :] == listed
    assert set(PracticeDetailSerializer._declared_fields) >= {field.name for field in public_fields(PracticePage)}
    assert PracticeViewSet.list_fields[-len(list_columns(PracticePage)) :] == list_columns(PracticePage)
    assert rich_text_fields(PracticePage) == [
        "challenge",
        "what_was_done",
        "resources_needed",
        "results",
        "difficulties",
        "transferability",
    ]


def test_one_declared_line_adds_a_field_to_the_list_the_detail_and_the_schema(client, content, monkeypatch):
    monkeypatch.setattr(
        PracticePage,
        "public_api_fields",
        [*PracticePage.public_api_fields, PublicField("contact_phone", listed=True, help_text="For questions.")],
    )
    PracticePage.objects.filter(translation_key=content.practice.translation_key).update(contact_phone="+48 77 1")

    # What the project's modules do at import, done again with the longer declaration.
    class Summary(PracticeSummarySerializer):
        pass

    class Detail(PracticeDetailSerializer):
        pass

    class View(PracticeViewSet):
        list_fields = (*PublicPageViewSet.list_fields, *list_columns(PracticePage))
        list_serializer_class = Summary
        detail_serializer_class = Detail

    factory = APIRequestFactory()
    listed = View.as_view({"get": "list"})(factory.get("/api/v2/practices/", {"locale": "pl"}))
    detail = View.as_view({"get": "retrieve"})(factory.get("/"), pk=str(content.practice.pk))

    assert listed.status_code == detail.status_code == 200
    assert json.loads(listed.content)["results"][0]["contact_phone"] == "+48 77 1"
    assert json.loads(detail.content)["contact_phone"] == "+48 77 1"
    assert Summary._declared_fields["contact_phone"].help_text == "For questions."


@pytest.mark.parametrize(
    ("name", "expected", "options"),
    [
        ("summary", serializers.CharField, {"allow_blank": False}),
        ("municipality", serializers.CharField, {"allow_blank": True}),
        ("agglomeration", serializers.ChoiceField, {}),
        ("start_date", serializers.DateField, {"allow_null": False}),
        ("end_date", serializers.DateField, {"allow_null": True}),
        ("latitude", serializers.FloatField, {"allow_null": True}),
        ("is_ongoing", serializers.BooleanField, {}),
        ("challenge", serializers.CharField, {"allow_blank": True}),
    ],
)
def test_plain_fields_take_their_schema_type_from_the_model(name, expected, options):
    field = schema_field(PracticePage._meta.get_field(name), None)
    assert type(field) is expected
    assert all(getattr(field, option) == value for option, value in options.items())


def test_a_field_with_no_derived_type_must_be_written_by_hand():
    with pytest.raises(TypeError, match="computed=True"):
        schema_field(PracticePage._meta.get_field("main_image"), None)


def test_a_computed_field_without_its_hand_written_parts_is_refused(monkeypatch):
    monkeypatch.setattr(PracticePage, "public_api_fields", [PublicField("budget", listed=True, computed=True)])
    with pytest.raises(TypeError, match="represent_budget"):

        class Broken(DeclaredPageSerializer):
            api_model = PracticePage
            listed_only = True
