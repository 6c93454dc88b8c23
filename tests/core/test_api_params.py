"""core.api.params: each kind of parameter refuses a bad value by name, and one declaration also documents it."""

import pytest
from django.http import QueryDict

from core.api.params import BadParameters, Choice, Integer, Parameters, Text, ValueList
from practices.filters import PracticeFilterSet
from search.views import AutocompleteView
from search.views.parameters import AUTOCOMPLETE_PARAMETERS, SEARCH_PARAMETERS

QUERY = Text("q", required=True, max_length=5, pattern=r"\w", wording={"missing": "Give a query."})
LIMIT = Integer("limit", minimum=1, maximum=20, default=5)
LOCALE = Choice("locale", choices=("pl", "cs"), default="pl")
TYPES = ValueList("type", choices=("practice", "event"), max_values=2, max_length=20)
TOPICS = ValueList("topic")


def refusal(param, query):
    with pytest.raises(BadParameters) as refused:
        param.read(QueryDict(query))
    return refused.value.errors


@pytest.mark.parametrize(
    ("param", "query", "problem"),
    [
        (QUERY, "", "Give a query."),
        (QUERY, "q=abcdef", "Use at most 5 characters."),
        (QUERY, "q=!!", "Give a valid value."),
        (Text("url", strip=True), "url=%20%20", "Give a value, or leave the parameter out."),
        (Text("url", refuse_null=True), "url=a%00", "Null characters are not allowed."),
        (LIMIT, "limit=x", "Give a whole number."),
        (LIMIT, "limit=1.5", "Give a whole number."),
        (LIMIT, "limit=0", "Give a number from 1 to 20."),
        (LIMIT, "limit=21", "Give a number from 1 to 20."),
        (LOCALE, "locale=de", "Unknown value 'de'; use one of pl, cs."),
        (TYPES, "type=page", "Unknown value 'page'; use one of practice, event."),
        (TYPES, "type=practice,,event", "Unknown value ''; use one of practice, event."),
        (TYPES, "type=practice&type=event&type=event", "Give at most 2 values of at most 20 characters."),
        (TOPICS, "topic=no%20spaces", "Slugs contain letters, digits, - and _ only."),
    ],
)
def test_a_bad_value_of_each_kind_is_refused_naming_the_parameter(param, query, problem):
    assert refusal(param, query) == {param.name: [problem]}


def test_good_values_are_read_as_their_kind():
    query = QueryDict("q=rower&limit=7&type=practice,event&topic=a&topic=b")

    assert [param.read(query) for param in (QUERY, LIMIT, LOCALE, TYPES, TOPICS)] == [
        "rower",
        7,
        "pl",
        ["practice", "event"],
        ["a", "b"],
    ]


def test_a_declaration_can_use_its_own_words():
    limit = Integer("limit", minimum=1, maximum=20, wording={"too_large": "At most {maximum}, not {value}."})

    assert refusal(limit, "limit=30") == {"limit": ["At most 20, not 30."]}


def test_a_lenient_choice_hands_other_values_to_the_endpoint():
    format_ = Choice("format", choices=("json",), default="json", strict=False)

    assert format_.read(QueryDict("format=xml")) == "xml"
    assert format_.read(QueryDict("")) == "json"


def test_the_shape_check_reports_every_unknown_repeated_and_empty_parameter_at_once():
    parameters = Parameters(QUERY, TYPES)

    with pytest.raises(BadParameters) as refused:
        parameters.check_shape(QueryDict("type=a&type=b&q=x&q=y&colour=red&limit="))

    assert refused.value.errors == {
        "colour": ["Unknown parameter."],
        "limit": ["Unknown parameter."],
        "q": ["Give this parameter once."],
    }
    assert refused.value.lines() == [
        "colour: Unknown parameter.",
        "limit: Unknown parameter.",
        "q: Give this parameter once.",
    ]


def test_a_filtersets_filters_are_taken_and_its_list_filters_may_repeat():
    parameters = Parameters(LIMIT, filterset=PracticeFilterSet, filters=("topic", "country"))

    parameters.check_shape(QueryDict("topic=a&topic=b&country=pl&limit=3"))
    with pytest.raises(BadParameters) as refused:
        parameters.check_shape(QueryDict("country=pl&country=cz&ordering=title&topic="))

    assert refused.value.errors == {
        "country": ["Give this parameter once."],
        "ordering": ["Unknown parameter."],
        "topic": ["Give a value, or leave the parameter out."],
    }


def test_where_others_are_ignored_and_empty_values_read_only_repeats_are_refused():
    parameters = Parameters(Text("url", required=True), LIMIT, others="ignored", empty_values="read")

    parameters.check_shape(QueryDict("url=x&limit=&colour=red&colour=blue"))
    assert parameters.read_all(QueryDict("url=x&limit=")) == {"url": "x", "limit": 5}


def test_read_all_names_every_bad_value_in_declared_order():
    parameters = Parameters(QUERY, LIMIT, LOCALE)

    with pytest.raises(BadParameters) as refused:
        parameters.read_all(QueryDict("locale=de&limit=0"))

    assert list(refused.value.errors) == ["q", "limit", "locale"]


# Through the endpoints: the same words as before there was one path (nothing here may change).
ANSWERS = {
    "/api/v2/practices/?colour=red&locale=de&limit=x": '{"detail":"Invalid query parameters: colour.",'
    '"errors":{"colour":["Unknown parameter."]}}',
    "/api/v2/practices/?b=1&a=2&a=3&c=": '{"detail":"Invalid query parameters: a, b, c.","errors":'
    '{"a":["Unknown parameter."],"b":["Unknown parameter."],"c":["Unknown parameter."]}}',
    "/api/v2/events/?limit=101": '{"detail":"Invalid query parameters: limit.",'
    '"errors":{"limit":["Must be an integer between 1 and 100."]}}',
    "/api/v2/partners/?locale=de": '{"detail":"Invalid query parameters: locale.",'
    '"errors":{"locale":["Unknown locale \'de\'; use one of cs, pl."]}}',
    "/api/v2/search/?q=%21%21": '{"detail":"Invalid query parameters: q.",'
    '"errors":{"q":["The query has no letters or digits to search for."]}}',
    "/api/v2/search/?q=x&type=nope": '{"detail":"Invalid query parameters: type.",'
    '"errors":{"type":["Unknown value \'nope\'; use one of practice, event, partner."]}}',
    "/api/v2/search/?q=x&topic=a,,b": '{"detail":"Invalid query parameters: topic.",'
    '"errors":{"topic":["Slugs contain letters, digits, - and _ only."]}}',
    "/api/v2/search/?q=x&topic=a&topic=b&topic=c&topic=d&topic=e&topic=f": '{"detail":"Invalid query parameters: '
    'topic.","errors":{"topic":["Give at most 5 values of at most 100 characters."]}}',
    "/api/v2/search/autocomplete/?q=row&limit=21": '{"detail":"Invalid query parameters: limit.",'
    '"errors":{"limit":["Must be an integer between 1 and 20."]}}',
    "/api/oembed/?maxwidth=x&url=": '{"detail":"Invalid query parameters: maxwidth, url.",'
    '"errors":{"url":["This field may not be blank."],"maxwidth":["A valid integer is required."]}}',
    "/api/oembed/?url=https://portal.example.org/&maxwidth=10001": '{"detail":"Invalid query parameters: maxwidth.",'
    '"errors":{"maxwidth":["Ensure this value is less than or equal to 10000."]}}',
    "/api/v2/geo/events/?format=xml": '{"detail":"Invalid query parameters: format.",'
    '"errors":{"format":["Use one of: geojson, json."]}}',
}


@pytest.mark.parametrize("url", ANSWERS)
def test_endpoints_answer_a_bad_parameter_in_the_same_words_as_before(client, db, url):
    response = client.get(url)

    assert response.status_code == 400
    assert response.content.decode() == ANSWERS[url]


def operation_parameters(client, path):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    return {parameter["name"]: parameter for parameter in schema["paths"][path]["get"]["parameters"]}


def test_the_schema_documents_each_declared_parameter_from_its_declaration(client, db):
    documented = operation_parameters(client, "/api/v2/search/")

    for param in SEARCH_PARAMETERS:
        schema = param.schema()
        if schema["type"] == "array":
            schema["minItems"] = 1
        assert documented[param.name]["schema"] == schema
        assert documented[param.name].get("required", False) == param.required


def test_a_parameter_added_to_a_declaration_is_taken_checked_and_documented(client, db, monkeypatch):
    min_words = Integer("min_words", minimum=1, maximum=3, description="At least this many.")
    assert client.get("/api/v2/search/autocomplete/", {"q": "rower", "min_words": "2"}).status_code == 400
    monkeypatch.setattr(AutocompleteView, "query_parameters", AUTOCOMPLETE_PARAMETERS.plus(min_words))

    documented = operation_parameters(client, "/api/v2/search/autocomplete/")["min_words"]

    assert client.get("/api/v2/search/autocomplete/", {"q": "rower", "min_words": "2"}).status_code == 200
    assert refusal(AutocompleteView.query_parameters["min_words"], "min_words=9") == {
        "min_words": ["Give a number from 1 to 3."]
    }
    assert documented["schema"] == {"type": "integer", "minimum": 1, "maximum": 3}
    assert documented["description"] == "At least this many."
