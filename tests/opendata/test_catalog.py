"""The DCAT-AP catalogue: parsed as JSON-LD into RDF, with DCAT-AP's mandatory and our recommended properties."""

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

# Plain namespaces: rdflib's closed ones warn when pytest inspects them.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
CATALOG = "/api/v2/opendata/catalog.jsonld"
EU = "http://publications.europa.eu/resource/authority"


@pytest.fixture
def graph(client, content):
    response = client.get(CATALOG)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return Graph().parse(data=response.content, format="json-ld")


def one(graph, subject, predicate):
    (value,) = graph.objects(subject, predicate)
    return value


def languages(graph, subject, predicate):
    return {literal.language for literal in graph.objects(subject, predicate)}


def test_the_catalog_has_its_mandatory_and_recommended_properties(graph, settings):
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)

    assert languages(graph, catalog, DCTERMS.title) == {"pl", "cs", "en"}
    assert languages(graph, catalog, DCTERMS.description) == {"pl", "cs", "en"}
    publisher = one(graph, catalog, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert Literal("Stowarzyszenie Aglomeracja Opolska", lang="pl") in set(graph.objects(publisher, FOAF.name))
    assert one(graph, catalog, FOAF.homepage) == URIRef("https://portal.example.org/")
    assert one(graph, catalog, DCTERMS.license) == URIRef("http://creativecommons.org/licenses/by/4.0/")
    assert {URIRef(f"{EU}/language/POL"), URIRef(f"{EU}/language/CES")} <= set(graph.objects(catalog, DCTERMS.language))
    assert one(graph, catalog, DCTERMS.issued).toPython().year == 2018
    assert one(graph, catalog, DCTERMS.modified).toPython() is not None
    contact = one(graph, catalog, DCAT.contactPoint)
    assert one(graph, contact, VCARD.fn) == Literal(settings.OPEN_DATA_CONTACT_NAME)
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert {str(dataset).rsplit("#", 1)[1] for dataset in datasets} == {"practices", "events", "partners", "topics"}


def test_each_dataset_describes_itself_in_three_languages_with_eu_vocabularies(graph):
    spatial = {URIRef("http://data.europa.eu/nuts/code/PL524"), URIRef("http://data.europa.eu/nuts/code/CZ071")}
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        assert languages(graph, dataset, DCTERMS.title) == {"pl", "cs", "en"}
        assert languages(graph, dataset, DCTERMS.description) == {"pl", "cs", "en"}
        assert languages(graph, dataset, DCAT.keyword) == {"pl", "cs", "en"}
        assert all(str(theme).startswith(f"{EU}/data-theme/") for theme in graph.objects(dataset, DCAT.theme))
        assert str(one(graph, dataset, DCTERMS.accrualPeriodicity)).startswith(f"{EU}/frequency/")
        assert set(graph.objects(dataset, DCTERMS.spatial)) == spatial
        assert one(graph, dataset, DCTERMS.publisher) is not None
        assert one(graph, dataset, DCAT.contactPoint) is not None
        assert one(graph, dataset, DCTERMS.modified).toPython() is not None
        # The portal's open-data page lists every download for people.
        assert one(graph, dataset, DCAT.landingPage) == URIRef("https://portal.example.org/otwarte-dane/")


def test_every_distribution_is_reachable_and_says_what_it_is(graph, client):
    practices = URIRef("http://testserver/api/v2/opendata/catalog.jsonld#practices")
    topics = URIRef("http://testserver/api/v2/opendata/catalog.jsonld#topics")
    assert len(set(graph.objects(practices, DCAT.distribution))) == 6  # pl, cs × CSV, JSON, GeoJSON
    assert len(set(graph.objects(topics, DCAT.distribution))) == 4  # no GeoJSON without coordinates

    for distribution in graph.subjects(RDF.type, DCAT.Distribution):
        url = one(graph, distribution, DCAT.accessURL)
        assert one(graph, distribution, DCAT.downloadURL) == url
        assert str(one(graph, distribution, DCAT.mediaType)).startswith("http://www.iana.org/assignments/media-types/")
        assert str(one(graph, distribution, DCTERMS["format"])).startswith(f"{EU}/file-type/")
        assert one(graph, distribution, DCTERMS.license) == URIRef("http://creativecommons.org/licenses/by/4.0/")
        assert client.get(str(url).removeprefix("http://testserver")).status_code == 200


def test_the_contact_point_names_an_address_when_one_is_configured(client, content, settings):
    settings.OPEN_DATA_CONTACT_EMAIL = "dane@example.org"

    graph = Graph().parse(data=client.get(CATALOG).content, format="json-ld")

    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert one(graph, one(graph, catalog, DCAT.contactPoint), VCARD.hasEmail) == URIRef("mailto:dane@example.org")


def test_the_catalog_is_in_the_openapi_schema(client):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]

    assert "/api/v2/opendata/catalog.jsonld" in paths
    assert "/api/v2/opendata/{collection}/{locale}.{file_format}" in paths
