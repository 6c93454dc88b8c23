"""The practices endpoints: shape, locale, rich text and images, filters, paging, errors, query counts."""

import datetime

import pytest

from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory, TopicFactory
from practices.serializers import PracticeDetailSerializer, PracticeSummarySerializer
from tests.api import assert_list_queries_constant, declared_fields

LIST = "/api/v2/practices/"


def ids(response):
    return {item["id"] for item in response.json()["results"]}


def test_list_items_carry_exactly_the_documented_summary_fields(client, content):
    item = client.get(LIST).json()["results"][0]

    assert set(item) == declared_fields(PracticeSummarySerializer)
    assert set(item["main_image"]) == {"id", "title", "alt", "width", "height", "renditions"}


def test_detail_carries_exactly_the_documented_fields(client, content):
    detail = client.get(f"{LIST}{content.practice.pk}/").json()

    assert set(detail) == declared_fields(PracticeDetailSerializer)


def test_list_is_in_the_requested_locale_with_links_to_translations(client, content):
    polish = client.get(LIST).json()
    czech = client.get(LIST, {"locale": "cs"}).json()

    assert [item["title"] for item in polish["results"]] == ["Wspólny bilet"]
    item = czech["results"][0]
    assert (item["id"], item["locale"], item["title"]) == (content.practice_cs.pk, "cs", "Společná jízdenka")
    assert item["path"] == "/cs/dobre-praxe/spolecna-jizdenka/"
    assert item["url"] == "https://portal.example.org/cs/dobre-praxe/spolecna-jizdenka/"
    assert item["api_url"] == f"http://testserver/api/v2/practices/{content.practice_cs.pk}/"
    assert item["translations"] == [
        {
            "locale": "pl",
            "id": content.practice.pk,
            "path": "/dobre-praktyki/wspolny-bilet/",
            "api_url": f"http://testserver/api/v2/practices/{content.practice.pk}/",
        }
    ]


def test_related_topics_and_partners_are_in_the_items_locale(client, content):
    item = client.get(LIST, {"locale": "cs"}).json()["results"][0]

    assert item["topics"] == [{"id": content.topic_cs.pk, "slug": "mobility", "name": "Mobilita"}]
    assert [(p["id"], p["title"], p["short_name"]) for p in item["institutions"]] == [
        (content.partner_cs.pk, "Statutární město Olomouc", "SMO")
    ]


def test_rich_text_links_become_frontend_paths_in_the_items_locale(client, content):
    polish = client.get(f"{LIST}{content.practice.pk}/").json()
    czech = client.get(f"{LIST}{content.practice_cs.pk}/").json()

    assert polish["challenge"] == '<p>Zobacz <a href="/partnerzy/miasto-olomuniec/">partnera</a>.</p>'
    assert czech["challenge"] == '<p>Viz <a href="/cs/partneri/mesto-olomouc/">partnera</a>.</p>'
    assert "linktype" not in str(czech)


def test_stream_field_blocks_are_typed_and_images_carry_renditions(client, content):
    body = client.get(f"{LIST}{content.practice_cs.pk}/").json()["body"]

    assert [block["type"] for block in body] == ["paragraph", "image", "key_figures"]
    assert body[0]["value"] == "<p>Popis.</p>"
    image = body[1]["value"]
    assert (image["caption"], image["alt_text"]) == ("Náměstí", "Náměstí v Opolí")
    renditions = image["image"]["renditions"]
    assert set(renditions) == {"thumbnail", "medium", "large"}
    assert (renditions["thumbnail"]["width"], renditions["thumbnail"]["height"]) == (400, 300)
    assert renditions["medium"]["url"].startswith("http://testserver/media/images/")
    assert (renditions["medium"]["width"], renditions["medium"]["height"]) == (640, 480)
    assert body[2]["value"] == [{"value": "21", "label": "obcí"}]


def test_public_contact_is_shown_and_a_private_one_is_not(client, content):
    assert client.get(f"{LIST}{content.practice.pk}/").json()["contact"] == {
        "name": "Biuro",
        "email": "biuro@example.org",
        "phone": "",
    }
    content.practice.contact_is_public = False
    content.practice.save_revision().publish()

    assert client.get(f"{LIST}{content.practice.pk}/").json()["contact"] is None


def test_detail_lists_events_presenting_the_practice(client, content):
    czech = client.get(f"{LIST}{content.practice_cs.pk}/").json()

    assert [event["id"] for event in czech["events"]] == [content.event_cs.pk]


@pytest.fixture
def catalogue(site_tree, content):
    """Three more Polish practices that differ in what the filters look at."""
    governance = TopicFactory(name="Zarządzanie", slug="governance")
    agency = PartnerPageFactory(parent=site_tree.partners, title="Agencja", country="CZ")
    return {
        "opole": PracticePageFactory(
            parent=site_tree.practices,
            title="A: Opole",
            agglomeration="opole",
            nuts3_code="PL523",
            topics=[governance],
            start_date=datetime.date(2010, 1, 1),
            end_date=datetime.date(2012, 12, 31),
        ),
        "ongoing": PracticePageFactory(
            parent=site_tree.practices,
            title="B: ongoing",
            agglomeration="cross_border",
            funding_source="interreg",
            institutions=[agency],
            start_date=datetime.date(2020, 1, 1),
            end_date=None,
            is_ongoing=True,
        ),
        "no_nuts": PracticePageFactory(parent=site_tree.practices, title="C: no NUTS", agglomeration="olomouc"),
        "agency": agency,
        "governance": governance,
    }


def test_filter_by_several_topics_in_either_syntax(client, content, catalogue):
    both = {content.practice.pk, catalogue["opole"].pk}

    assert ids(client.get(LIST, {"topic": "mobility"})) == {content.practice.pk}
    assert ids(client.get(LIST, {"topic": "mobility,governance"})) == both
    assert ids(client.get(f"{LIST}?topic=mobility&topic=governance")) == both


def test_filter_by_agglomeration_funding_and_coordinates(client, content, catalogue):
    assert ids(client.get(f"{LIST}?agglomeration=opole&agglomeration=cross_border")) == {
        catalogue["opole"].pk,
        catalogue["ongoing"].pk,
    }
    assert ids(client.get(LIST, {"funding_source": "interreg"})) == {catalogue["ongoing"].pk}
    assert ids(client.get(LIST, {"has_coordinates": "true"})) == {content.practice.pk}
    assert content.practice.pk not in ids(client.get(LIST, {"has_coordinates": "false"}))


def test_filter_by_partner_accepts_the_partners_id_in_any_locale(client, content, catalogue):
    assert ids(client.get(LIST, {"partner": content.partner.pk})) == {content.practice.pk}
    assert ids(client.get(LIST, {"partner": content.partner_cs.pk})) == {content.practice.pk}
    assert ids(client.get(LIST, {"partner": content.partner_cs.pk, "locale": "cs"})) == {content.practice_cs.pk}


def test_filter_by_country_uses_nuts_code_then_agglomeration(client, content, catalogue):
    assert ids(client.get(LIST, {"country": "CZ"})) == {content.practice.pk, catalogue["no_nuts"].pk}
    assert ids(client.get(LIST, {"country": "PL"})) == {catalogue["opole"].pk}


def test_filter_by_activity_in_a_year_or_a_date_range(client, content, catalogue):
    assert ids(client.get(LIST, {"active_in": 2011})) == {catalogue["opole"].pk}
    assert ids(client.get(LIST, {"active_in": 2030})) == {catalogue["ongoing"].pk}
    in_range = ids(client.get(LIST, {"active_from": "2019-06-01", "active_to": "2020-06-01"}))
    assert {content.practice.pk, catalogue["ongoing"].pk} <= in_range
    assert catalogue["opole"].pk not in in_range


def test_ordering_by_title_both_ways(client, content, catalogue):
    titles = [item["title"] for item in client.get(LIST, {"ordering": "title"}).json()["results"]]
    reverse = [item["title"] for item in client.get(LIST, {"ordering": "-title"}).json()["results"]]

    assert titles == sorted(titles)
    assert reverse == titles[::-1]


def test_paging_with_limit_offset_count_and_links(client, content, catalogue):
    first = client.get(LIST, {"limit": 2, "ordering": "title"}).json()
    second = client.get(first["next"]).json()

    assert first["count"] == 4
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert second["previous"] is not None
    assert {item["id"] for item in first["results"]}.isdisjoint(item["id"] for item in second["results"])


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"locale": "de"}, "locale"),
        ({"agglomeration": "warsaw"}, "agglomeration"),
        ({"active_in": 1800}, "active_in"),
        ({"active_from": "yesterday"}, "active_from"),
        ({"has_coordinates": "maybe"}, "has_coordinates"),
        ({"partner": "1.5"}, "partner"),
        ({"topic": "no spaces"}, "topic"),
        ({"topic": ","}, "topic"),
        ({"topic": "mobility,,governance"}, "topic"),
        ({"ordering": "summary"}, "ordering"),
        ({"colour": "red"}, "colour"),
        ({"country": ""}, "country"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, content, query, parameter):
    response = client.get(LIST, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert parameter in response.json()["errors"]


def test_a_single_valued_parameter_given_twice_is_refused(client, content):
    response = client.get(f"{LIST}?locale=pl&locale=cs")

    assert response.status_code == 400
    assert "locale" in response.json()["errors"]


@pytest.mark.parametrize("path", ["999999/", "abc/", "99999999999999999999/", "-1/"])
def test_unknown_practices_get_a_json_404(client, content, path):
    response = client.get(f"{LIST}{path}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_list_query_count_does_not_grow_with_the_page(client, site_tree, content, django_assert_max_num_queries):
    partner = PartnerPageFactory(parent=site_tree.partners)
    for _ in range(8):
        PracticePageFactory(
            parent=site_tree.practices,
            main_image=content.image,
            topics=[content.topic],
            institutions=[content.partner, partner],
        )
    assert_list_queries_constant(client, LIST, 9, django_assert_max_num_queries)


@pytest.mark.parametrize(
    "blank", ['<p data-block-key="a1b2c"></p>', "<p>&nbsp;</p><p> </p>", '<p><embed embedtype="image" id="1"/></p>']
)
def test_rich_text_the_editor_saved_blank_is_empty_in_the_api(client, content, blank):
    content.practice.challenge = blank
    content.practice.save_revision().publish()

    assert client.get(f"{LIST}{content.practice.pk}/").json()["challenge"] == ""
