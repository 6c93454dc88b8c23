"""The API says whether a practice is validated, with the experts' opinions, and filters on it."""

import pytest

from tests.validation.test_workflow import current, validate


@pytest.fixture
def published(network, proposal):
    validate(proposal, network.people)
    current(proposal).get_latest_revision().publish(user=network.people.editor)
    return current(proposal)


@pytest.mark.django_db
def test_a_published_validated_practice_carries_its_opinions(client, published):
    validation = client.get(f"/api/v2/practices/{published.pk}/").json()["validation"]
    assert validation["status"] == "validated" and validation["validated_at"]
    assert [(o["country"], o["expert_name"]) for o in validation["opinions"]] == [
        ("PL", "Marek Polak"),
        ("CZ", "Eva Černá"),
    ]
    assert validation["opinions"][1]["scores"] == {
        "relevance": 5,
        "evidence": 4,
        "transferability": 4,
        "participation": 3,
    }


@pytest.mark.django_db
def test_an_unvalidated_practice_says_so(client, network):
    from tests.validation.conftest import draft_practice

    page = draft_practice(network, network.people.editor)
    page.get_latest_revision().publish()
    validation = client.get(f"/api/v2/practices/{page.pk}/").json()["validation"]
    assert validation == {"status": "not_validated", "validated_at": None, "opinions": []}


@pytest.mark.django_db
def test_validated_but_unpublished_is_not_public(client, network, proposal):
    validate(proposal, network.people)
    assert client.get(f"/api/v2/practices/{proposal.pk}/").status_code == 404
    assert client.get("/api/v2/practices/", {"locale": "pl", "validated": "true"}).json()["results"] == []


@pytest.mark.django_db
def test_filter_validated_both_ways(client, network, published):
    from tests.validation.conftest import draft_practice

    plain = draft_practice(network, network.people.editor, title="Zwykła praktyka")
    plain.get_latest_revision().publish()

    def items(value):
        response = client.get("/api/v2/practices/", {"locale": "pl", "validated": value})
        assert response.status_code == 200
        return [(item["id"], item["validated"]) for item in response.json()["results"]]

    assert items("true") == [(published.pk, True)], "list items carry the mark, for the portal's cards"
    assert items("false") == [(plain.pk, False)]
    assert client.get(f"/api/v2/practices/{published.pk}/").json()["validated"] is True


@pytest.mark.django_db
def test_filter_validated_bad_value_is_400_naming_the_field(client, network):
    response = client.get("/api/v2/practices/", {"locale": "pl", "validated": "maybe"})
    assert response.status_code == 400
    assert "validated" in response.json()["errors"]
