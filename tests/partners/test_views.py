"""The partners endpoints: filters, logos, and the practices and events of a partner in its locale."""

import pytest

from partners.factories import PartnerPageFactory
from partners.serializers import PartnerDetailSerializer, PartnerSummarySerializer
from tests.api import assert_list_queries_constant, declared_fields

LIST = "/api/v2/partners/"


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.fixture
def lead(site_tree, content):
    return PartnerPageFactory(
        parent=site_tree.partners,
        title="Stowarzyszenie Aglomeracja Opolska",
        role="lead_partner",
        institution_type="association_of_municipalities",
        country="PL",
    )


def test_items_carry_the_documented_fields(client, content):
    assert set(client.get(LIST).json()["results"][0]) == declared_fields(PartnerSummarySerializer)
    assert set(client.get(f"{LIST}{content.partner.pk}/").json()) == declared_fields(PartnerDetailSerializer)


def test_lead_partner_comes_first_and_filters_apply(client, content, lead):
    assert titles(client.get(LIST)) == ["Stowarzyszenie Aglomeracja Opolska", "Miasto Ołomuniec"]
    assert titles(client.get(LIST, {"country": "CZ"})) == ["Miasto Ołomuniec"]
    assert titles(client.get(LIST, {"role": "lead_partner"})) == ["Stowarzyszenie Aglomeracja Opolska"]
    assert titles(client.get(f"{LIST}?type=city&type=university")) == ["Miasto Ołomuniec"]
    assert titles(client.get(LIST, {"ordering": "-title"})) == [
        "Stowarzyszenie Aglomeracja Opolska",
        "Miasto Ołomuniec",
    ]


def test_detail_lists_its_practices_and_events_in_its_own_locale(client, content):
    detail = client.get(f"{LIST}{content.partner_cs.pk}/").json()

    assert [practice["id"] for practice in detail["practices"]] == [content.practice_cs.pk]
    assert [event["id"] for event in detail["events"]] == [content.event_cs.pk]
    assert detail["logo"]["renditions"]["thumbnail"]["width"] == 400


def test_bad_role_gets_a_400(client, content):
    response = client.get(LIST, {"role": "sponsor"})

    assert response.status_code == 400
    assert "role" in response.json()["errors"]


def test_list_query_count_does_not_grow_with_the_page(client, site_tree, content, django_assert_max_num_queries):
    for _ in range(6):
        PartnerPageFactory(parent=site_tree.partners, logo=content.image)
    assert_list_queries_constant(client, LIST, 7, django_assert_max_num_queries)
