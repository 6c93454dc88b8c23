"""GeoJSON map data (RFC 7946): one FeatureCollection per type and locale, filtered like the API lists."""

import json
from decimal import Decimal

from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from practices.factories import PracticePageFactory


def assert_rfc7946_feature_collection(document):
    """The structure RFC 7946 requires of a FeatureCollection of Points (sections 3.1.2, 3.2, 3.3, 4)."""
    assert document["type"] == "FeatureCollection"
    assert isinstance(document["features"], list)
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["id"], int | str)
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert all(isinstance(value, float | int) for value in geometry["coordinates"])
        # No CRS member: RFC 7946 coordinates are always WGS 84.
        assert "crs" not in feature and "crs" not in document


def geo(client, kind, **params):
    response = client.get(f"/api/v2/geo/{kind}/", params)
    assert response.status_code == 200, response.content
    document = json.loads(response.content)
    assert_rfc7946_feature_collection(document)
    return response, document


def test_practices_as_points_in_longitude_latitude_order(client, content):
    response, document = geo(client, "practices")

    assert response["Content-Type"] == "application/geo+json"
    (feature,) = document["features"]
    assert feature["id"] == content.practice.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [17.25, 49.593]}
    properties = feature["properties"]
    assert properties["type"] == "practice"
    assert properties["locale"] == "pl"
    assert properties["title"] == "Wspólny bilet"
    assert properties["path"] == "/dobre-praktyki/wspolny-bilet/"
    assert properties["url"] == "https://portal.example.org/dobre-praktyki/wspolny-bilet/"
    assert properties["api_url"] == f"http://testserver/api/v2/practices/{content.practice.pk}/"
    assert properties["agglomeration"] == "olomouc"


def test_each_locale_has_its_own_collection(client, content):
    _response, czech = geo(client, "partners", locale="cs")

    (feature,) = czech["features"]
    assert feature["properties"]["title"] == "Statutární město Olomouc"
    assert feature["properties"]["path"] == "/cs/partneri/mesto-olomouc/"
    assert feature["geometry"]["coordinates"] == [17.251, 49.594]


def test_only_public_pages_with_both_coordinates(client, content, site_tree):
    PracticePageFactory(parent=site_tree.practices, title="Bez mapy")
    PracticePageFactory(
        parent=site_tree.practices, title="Szkic", latitude=Decimal("50.1"), longitude=Decimal("17.9"), live=False
    )
    private = PracticePageFactory(
        parent=site_tree.practices, title="Prywatna", latitude=Decimal("50.2"), longitude=Decimal("17.9")
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    _response, document = geo(client, "practices")

    assert [feature["properties"]["title"] for feature in document["features"]] == ["Wspólny bilet"]


def test_events_filter_like_the_event_list(client, content, site_tree):
    EventPageFactory(parent=site_tree.events, title="Dawno", latitude=Decimal("50.67"), longitude=Decimal("17.93"))

    _response, everything = geo(client, "events")
    _response, upcoming = geo(client, "events", upcoming="true")
    _response, workshops = geo(client, "events", type="workshop")

    assert {f["properties"]["title"] for f in everything["features"]} == {"Dawno"}
    assert upcoming["features"] == []
    assert workshops["features"] == []
    assert everything["features"][0]["properties"]["start"].endswith("+02:00")


def test_filters_are_validated_like_the_api(client, content):
    response = client.get("/api/v2/geo/practices/", {"agglomeration": "paris"})

    assert response.status_code == 400
    assert "agglomeration" in response.json()["errors"]
    assert client.get("/api/v2/geo/events/", {"colour": "red"}).json()["errors"] == {"colour": ["Unknown parameter."]}
    assert client.get("/api/v2/geo/partners/", {"locale": "de"}).status_code == 400
    assert client.get("/api/v2/geo/partners/", {"format": "xml"}).json()["errors"] == {
        "format": ["Use one of: geojson, json."]
    }


def test_conditional_requests_and_plain_json(client, content):
    response, _document = geo(client, "partners")

    assert client.get("/api/v2/geo/partners/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    for plain in (
        client.get("/api/v2/geo/partners/", HTTP_ACCEPT="application/json"),
        client.get("/api/v2/geo/partners/", {"format": "json"}),
    ):
        assert plain["Content-Type"] == "application/json"
        assert json.loads(plain.content) == json.loads(response.content)


def test_map_data_is_in_the_schema(client, db):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]

    for kind in ("practices", "events", "partners"):
        operation = paths[f"/api/v2/geo/{kind}/"]["get"]
        assert {"200", "400", "429"} <= set(operation["responses"])
        assert "application/geo+json" in operation["responses"]["200"]["content"]
        assert {"locale", "country", "format"} <= {parameter["name"] for parameter in operation["parameters"]}
