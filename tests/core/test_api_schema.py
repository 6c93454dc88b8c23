"""The OpenAPI schema describes every public operation, validates, and has self-hosted docs."""

import json

from openapi_spec_validator import validate

PUBLIC_PATHS = {
    "/api/v2/practices/",
    "/api/v2/practices/{id}/",
    "/api/v2/events/",
    "/api/v2/events/{id}/",
    "/api/v2/partners/",
    "/api/v2/partners/{id}/",
    "/api/v2/standard-pages/",
    "/api/v2/standard-pages/{id}/",
    "/api/v2/topics/",
    "/api/v2/locales/",
    "/api/v2/pages/find/",
    "/api/v2/home/",
    "/api/v2/navigation/",
    "/api/v2/preview/",
    "/api/v2/search/",
    "/api/v2/search/autocomplete/",
    "/api/v2/geo/practices/",
    "/api/v2/geo/events/",
    "/api/v2/geo/partners/",
    "/api/oembed/",
    "/api/v2/enquiries/",
    "/api/v2/enquiries/terms/",
    "/api/v2/proposals/",
    "/api/v2/proposals/terms/",
    "/api/v2/registrations/",
    "/api/v2/registrations/terms/",
    "/api/v2/registrations/cancel/",
    "/api/v2/opendata/catalog.jsonld",
    "/api/v2/opendata/{collection}/{locale}.{file_format}",
    "/api/v2/stats/",
}
#: The public forms: the only operations that are not GETs.
FORM_PATHS = {"/api/v2/enquiries/", "/api/v2/proposals/", "/api/v2/registrations/"}
#: A registration is created (201) or refused as closed or already made (409); the others are passed on (202).
FORM_ACCEPTED = {"/api/v2/registrations/": "201"}


def schema(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def test_schema_is_valid_openapi_3_and_covers_the_public_api_only(client, db):
    document = schema(client)

    validate(document)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == PUBLIC_PATHS


def test_every_operation_documents_its_errors(client, db):
    for path, operations in schema(client)["paths"].items():
        if path in FORM_PATHS:
            assert set(operations) == {"post"}, path
            assert {FORM_ACCEPTED.get(path, "202"), "400", "429"} <= set(operations["post"]["responses"]), path
            continue
        responses = operations["get"]["responses"]
        assert {"200", "429"} <= set(responses), path
        if "{id}" in path or path.endswith(("find/", "home/", "navigation/")):
            assert "404" in responses, path
        if path != "/api/v2/locales/":
            assert "400" in responses, path


def test_list_parameters_are_documented_with_their_constraints(client, db):
    parameters = {p["name"]: p for p in schema(client)["paths"]["/api/v2/practices/"]["get"]["parameters"]}

    assert {"locale", "topic", "agglomeration", "partner", "funding_source", "country", "active_in"} <= set(parameters)
    assert {"active_from", "active_to", "has_coordinates", "ordering", "limit", "offset"} <= set(parameters)
    assert parameters["limit"]["schema"]["maximum"] == 100
    assert set(parameters["locale"]["schema"]["enum"]) == {"pl", "cs"}
    assert parameters["active_in"]["schema"]["minimum"] == 1900


def test_stream_blocks_are_a_discriminated_union(client, db):
    components = schema(client)["components"]["schemas"]

    mapping = components["BodyBlock"]["discriminator"]["mapping"]
    assert set(mapping) == {"paragraph", "heading", "image", "quote", "embed", "document", "key_figures"}


def test_schema_is_english(client, db):
    body = client.get("/api/schema/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()

    assert "malejąco" not in body
    assert "descending" in body


def test_interactive_docs_use_assets_served_by_this_app(client, db):
    page = client.get("/api/docs/").content.decode()

    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "http://" not in page
    assert "https://" not in page


def test_detail_ids_are_typed_as_the_integers_items_carry(client, db):
    """A typed client passes an item's `id` (an integer) straight to its detail path, no String(id)."""
    paths = schema(client)["paths"]
    for path in ("/api/v2/practices/{id}/", "/api/v2/events/{id}/", "/api/v2/partners/{id}/"):
        (parameter,) = [p for p in paths[path]["get"]["parameters"] if p["in"] == "path"]
        assert parameter["name"] == "id"
        assert parameter["schema"] == {"type": "integer", "minimum": 1}, path
