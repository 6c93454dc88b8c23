"""The downloads: exactly the public items, the documented columns, both locales, safe CSV, caching, 4xx."""

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from wagtail.models import PageViewRestriction

from opendata.datasets import COLLECTIONS
from practices.factories import PracticeIndexPageFactory, PracticePageFactory
from practices.models import PracticePage

BASE = "/api/v2/opendata"


def rows(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline="")))


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_each_csv_has_the_documented_columns(client, content, collection):
    response = client.get(f"{BASE}/{collection}/pl.csv")

    header = next(csv.reader(io.StringIO(response.content.decode())))
    assert header == [column.name for column in COLLECTIONS[collection].columns]
    assert response["Content-Disposition"] == f'attachment; filename="{collection}-pl.csv"'


def test_both_locales_have_their_own_texts(client, content):
    (polish,) = rows(client.get(f"{BASE}/practices/pl.csv"))
    (czech,) = rows(client.get(f"{BASE}/practices/cs.csv"))
    (event,) = rows(client.get(f"{BASE}/events/cs.csv"))

    assert (polish["title"], polish["url"]) == (
        "Wspólny bilet",
        "https://portal.example.org/dobre-praktyki/wspolny-bilet/",
    )
    assert (czech["title"], czech["topics"]) == ("Společná jízdenka", "Mobilita")
    assert czech["url"].startswith("https://portal.example.org/cs/")
    assert (polish["nuts3_code"], polish["latitude"], polish["longitude"]) == ("CZ071", "49.593", "17.25")
    assert event["organiser"] == "Statutární město Olomouc"
    assert client.get(f"{BASE}/topics/cs.json").json()["items"][0]["name"] == "Mobilita"


def test_only_public_practices_are_downloaded(client, content, site_tree):
    PracticePageFactory(parent=site_tree.practices, title="Szkic", live=False)
    private = PracticePageFactory(parent=site_tree.practices, title="Prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_index = PracticeIndexPageFactory(parent=site_tree.home, title="Ukryte", slug="ukryte", live=False)
    PracticePageFactory(parent=hidden_index, title="Pod szkicem")

    titles = {row["title"] for row in rows(client.get(f"{BASE}/practices/pl.csv"))}
    items = client.get(f"{BASE}/practices/pl.json").json()["items"]
    features = client.get(f"{BASE}/practices/pl.geojson").json()["features"]

    assert titles == {"Wspólny bilet"}
    assert [item["title"] for item in items] == ["Wspólny bilet"]
    assert [feature["properties"]["title"] for feature in features] == ["Wspólny bilet"]


def test_cells_that_would_run_as_formulas_are_escaped(client, content, site_tree):
    for number, title in enumerate(("=HYPERLINK(1)", "+1", "-1", "@SUM(A1)")):
        PracticePageFactory(
            parent=site_tree.practices, title=title, slug=f"formula-{number}", summary='a "quoted", two-line\nsummary'
        )

    found = rows(client.get(f"{BASE}/practices/pl.csv"))

    titles = {row["title"] for row in found}
    assert {"'=HYPERLINK(1)", "'+1", "'-1", "'@SUM(A1)"} <= titles
    assert 'a "quoted", two-line\nsummary' in {row["summary"] for row in found}


def test_geojson_has_points_in_longitude_latitude_order(client, content, site_tree):
    PracticePageFactory(parent=site_tree.practices, title="Bez mapy")
    response = client.get(f"{BASE}/partners/cs.geojson")

    assert response["Content-Type"] == "application/geo+json"
    (feature,) = response.json()["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [17.251, 49.594]}
    assert feature["properties"]["title"] == "Statutární město Olomouc"
    assert len(client.get(f"{BASE}/practices/pl.geojson").json()["features"]) == 1
    assert len(client.get(f"{BASE}/practices/pl.json").json()["items"]) == 2


def test_a_download_is_kept_per_content_version_and_answers_304(client, content):
    first = client.get(f"{BASE}/practices/pl.csv")

    assert first.has_header("ETag") and first.has_header("Last-Modified")
    assert client.get(f"{BASE}/practices/pl.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = client.get(f"{BASE}/practices/pl.csv", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_publish_changes_the_etag_and_the_content(client, content):
    first = client.get(f"{BASE}/practices/pl.csv")
    page = PracticePage.objects.get(pk=content.practice.pk)  # the module's shared instance stays as it was
    page.title = "Wspólny bilet 2"
    page.save_revision().publish()

    second = client.get(f"{BASE}/practices/pl.csv", HTTP_IF_NONE_MATCH=first["ETag"])

    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert [row["title"] for row in rows(second)] == ["Wspólny bilet 2"]


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("recipes/pl.csv", "collection"),
        ("practices/de.csv", "locale"),
        ("practices/pl.xlsx", "file_format"),
        ("topics/pl.geojson", "file_format"),
    ],
)
def test_unknown_parts_of_the_path_are_404_json_naming_them(client, content, path, parameter):
    response = client.get(f"{BASE}/{path}")

    assert response.status_code == 404
    assert parameter in response.json()["errors"]


def test_query_parameters_are_refused_with_400_json(client, content):
    response = client.get(f"{BASE}/practices/pl.csv", {"limit": "10"})

    assert response.status_code == 400
    assert "limit" in response.json()["errors"]


def test_numbers_are_not_escaped_and_json_keeps_types(client, content, site_tree):
    PracticePageFactory(
        parent=site_tree.practices, title="Na zachód", latitude=Decimal("-1.5"), longitude=Decimal("-2")
    )

    by_title = {row["title"]: row for row in rows(client.get(f"{BASE}/practices/pl.csv"))}
    item = next(
        i for i in json.loads(client.get(f"{BASE}/practices/pl.json").content)["items"] if i["title"] == "Na zachód"
    )

    assert by_title["Na zachód"]["latitude"] == "-1.5"
    assert item["latitude"] == -1.5 and item["is_ongoing"] is False


def test_a_download_costs_the_same_queries_for_many_items(client, content, site_tree, django_assert_max_num_queries):
    """Topics are prefetched and organisers looked up once: no query per row, so 10,000 items stay cheap."""
    client.get(f"{BASE}/practices/cs.csv")
    with django_assert_max_num_queries(12) as few:
        client.get(f"{BASE}/practices/pl.csv")
    for number in range(30):
        PracticePageFactory(parent=site_tree.practices, title=f"Praktyka {number}", topics=[content.topic])
    client.get(f"{BASE}/practices/cs.csv")  # the new public tree, as before the first measure
    with django_assert_max_num_queries(12) as many:
        assert len(rows(client.get(f"{BASE}/practices/pl.csv"))) == 31
    assert len(many.captured_queries) == len(few.captured_queries)


def test_every_column_is_documented():
    guide = (Path(__file__).resolve().parents[2] / "docs" / "open-data.md").read_text()

    for name, collection in COLLECTIONS.items():
        section = guide.split(f"### {name}\n", 1)[1].split("###", 1)[0]
        assert [column.name for column in collection.columns] == re.findall(r"^\| `(\w+)` \|", section, re.M)
