"""GET /api/v2/enquiries/terms/: what the visitor agrees to, in their language, with a fresh token."""

import pytest

from enquiries.serializers import FORM_NAME
from security.public_forms.tokens import check_token
from tests.enquiries.conftest import OWNER

URL = "/api/v2/enquiries/terms/"


def test_the_terms_name_purpose_recipients_retention_and_carry_a_token(client, practice, settings, no_wait):
    settings.ENQUIRY_RETENTION_DAYS = 30

    response = client.get(URL, {"locale": "cs", "practice": practice.pk})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["retention_days"] == 30
    assert "30" in body["consent_to_processing"]
    assert body["practice"] == {
        "id": practice.pk,
        "title": practice.title,
        "locale": "pl",
        "path": "/dobre-praktyki/wspolny-bilet/",
    }
    assert body["purpose"] != client.get(URL, {"locale": "pl"}).json()["purpose"]
    check_token(FORM_NAME, body["token"])
    assert OWNER not in response.content.decode()


def test_each_answer_has_a_new_token(client, practice):
    assert client.get(URL).json()["token"] != client.get(URL).json()["token"]


def test_an_unknown_locale_is_a_400_naming_it(client, practice):
    response = client.get(URL, {"locale": "de"})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["locale"]


@pytest.mark.parametrize("query", [{"locale": ""}, {"locale": ["pl", "cs"]}, {"practice": ""}])
def test_an_empty_or_repeated_parameter_is_a_400_naming_it(client, practice, query):
    response = client.get(URL, query)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == list(query)


def test_a_practice_that_cannot_be_asked_about_is_a_404(client, practice):
    practice.unpublish()

    assert client.get(URL, {"practice": practice.pk}).status_code == 404
    assert client.get(URL, {"practice": "x"}).status_code == 400


def test_the_public_api_never_shows_the_owners_address(client, practice, content):
    for url in (
        f"/api/v2/practices/{practice.pk}/",
        f"/api/v2/practices/{content.practice_cs.pk}/",
        "/api/v2/practices/",
        f"{URL}?practice={practice.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert OWNER not in response.content.decode()


def test_both_endpoints_are_in_the_schema_with_their_errors(client):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]

    post = paths["/api/v2/enquiries/"]["post"]
    assert {"202", "400", "429", "503"} <= set(post["responses"])
    terms = paths["/api/v2/enquiries/terms/"]["get"]
    assert {"200", "400", "404"} <= set(terms["responses"])
    assert {parameter["name"] for parameter in terms["parameters"]} >= {"locale", "practice"}
