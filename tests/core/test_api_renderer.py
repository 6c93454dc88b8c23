from decimal import Decimal

from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from core.api.renderers import CompactJSONRenderer


def test_output_is_byte_for_byte_what_drf_compact_json_gives():
    data = ReturnDict(
        {
            "title": "Współpraca przygraniczna – Olomoucký kraj",
            "line_separators": "a\u2028b\u2029c",
            "budget": Decimal("1250000.50"),
            "label": gettext_lazy("Unknown parameter."),
            "items": ReturnList([{"id": 1, "score": 0.5, "live": True, "end": None}], serializer=None),
        },
        serializer=None,
    )

    assert CompactJSONRenderer().render(data) == JSONRenderer().render(data)


def test_nothing_to_render_is_an_empty_body():
    assert CompactJSONRenderer().render(None) == b""
