"""`/api/v2/stats/`: correct counts of public content only, small counts withheld, 400s naming the parameter."""

import pytest

from practices.factories import PracticePageFactory
from tests.stats.conftest import ask

URL = "/api/v2/stats/"


def sections(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return {section["key"]: section for section in response.json()["sections"]}


def counts(section):
    return {row["key"]: row["value"] for row in section["rows"]}


def test_practices_are_counted_by_topic_agglomeration_country_and_funding(client, built):
    found = sections(client)

    assert counts(found["practices_by_topic"]) == {"energy": 1, "mobility": 3}
    assert [row["label"] for row in found["practices_by_topic"]["rows"]] == ["Energia", "Mobilność"]
    assert found["practices_by_topic"]["total"] == {"value": 4, "suppressed": False}
    assert counts(found["practices_by_agglomeration"]) == {"opole": 2, "olomouc": 1, "cross_border": 1}
    assert counts(found["practices_by_country"]) == {"PL": 2, "CZ": 2}
    assert counts(found["practices_by_funding_source"])["interreg"] == 1
    assert counts(found["practices_by_funding_source"])["zit_iti"] == 3
    assert counts(found["practices_validated"]) == {"validated": 1, "not_validated": 3}
    assert counts(found["practices_translated"]) == {"translated": 0, "not_translated": 4}


def test_events_are_counted_by_type_and_year_without_drafts(client, built):
    found = sections(client)

    assert counts(found["events_by_type"])["study_visit"] == 2
    assert counts(found["events_by_type"])["workshop"] == 1
    assert counts(found["events_by_year"]) == {"2025": 1, "2026": 2}
    assert found["events_by_year"]["total"]["value"] == 3


def test_labels_are_in_the_requested_locale(client, content):
    polish = sections(client, locale="pl")
    czech = sections(client, locale="cs")

    assert polish["practices_by_topic"]["title"] == "Dobre praktyki według tematu"
    assert czech["practices_by_topic"]["title"] == "Dobrá praxe podle tématu"
    assert counts(czech["practices_by_topic"]) == {"mobility": 1}
    assert czech["practices_by_topic"]["rows"][0]["label"] == "Mobilita"
    assert counts(czech["practices_translated"]) == {"translated": 1, "not_translated": 0}
    assert counts(czech["practices_by_country"]) == {"PL": 0, "CZ": 1}
    assert {row["label"] for row in czech["practices_by_agglomeration"]["rows"]} != {
        row["label"] for row in polish["practices_by_agglomeration"]["rows"]
    }


def test_questions_below_the_minimum_are_withheld_and_cannot_be_subtracted(client, built):
    p1, p2, p3, p4 = built.practices
    ask(p1, 12)
    ask(p2, 3)
    ask(p3, 7)
    ask(built.hidden[0], 50)

    section = sections(client)["questions_by_practice"]

    assert section["personal"] is True
    shown = [(row["label"], row["value"], row["suppressed"]) for row in section["rows"]]
    assert shown[0] == (p1.title, 12, False)
    assert sorted(shown[1:]) == sorted([(p2.title, None, True), (p3.title, None, True)])
    assert section["total"] == {"value": 22, "suppressed": False}


def test_a_total_of_questions_below_the_minimum_is_withheld(client, built):
    ask(built.practices[0], 2)
    ask(built.practices[1], 1)

    section = sections(client)["questions_by_practice"]

    assert section["total"] == {"value": None, "suppressed": True}
    assert all(row["suppressed"] and row["value"] is None for row in section["rows"])


def test_the_minimum_is_a_setting(client, built, settings):
    settings.STATS_MIN_COUNT = 2
    ask(built.practices[0], 2)
    ask(built.practices[1], 9)

    section = sections(client)["questions_by_practice"]

    assert [row["value"] for row in section["rows"]] == [9, 2]
    assert client.get(URL).json()["min_count"] == 2


def test_public_counts_are_not_suppressed(client, built):
    found = sections(client)

    assert found["events_by_year"]["rows"][0] == {"key": "2025", "label": "2025", "value": 1, "suppressed": False}


def test_figures_are_kept_until_a_publish_or_the_cache_time(client, built, site_tree):
    ask(built.practices[0], 6)
    assert sections(client)["questions_by_practice"]["total"]["value"] == 6

    ask(built.practices[0], 9)
    assert sections(client)["questions_by_practice"]["total"]["value"] == 6
    PracticePageFactory(parent=site_tree.practices, slug="p5")
    found = sections(client)
    assert found["practices_by_agglomeration"]["total"]["value"] == 5
    assert found["questions_by_practice"]["total"]["value"] == 9


def test_questions_are_recounted_after_the_cache_time_without_a_publish(client, built, settings):
    settings.STATS_CACHE_SECONDS = 0
    ask(built.practices[0], 6)
    assert sections(client)["questions_by_practice"]["total"]["value"] == 6

    ask(built.practices[0], 7)
    assert sections(client)["questions_by_practice"]["total"]["value"] == 7


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("locale=de", "locale"),
        ("locale=", "locale"),
        ("locale=pl&locale=cs", "locale"),
        ("year=2026", "year"),
        ("locale=%00", "locale"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, site_tree, query, parameter):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_the_schema_describes_the_answer(client):
    schema = client.get("/api/schema/?format=json")
    document = schema.json() if schema["Content-Type"].startswith("application/json") else None
    assert schema.status_code == 200
    text = schema.content.decode()
    assert "/api/v2/stats/" in text
    assert "StatisticsSerializer" in text or "Statistics" in text
    if document is not None:
        assert "Statistics" in document["components"]["schemas"]
