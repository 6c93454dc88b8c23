"""Site-wide endpoints: locales, topics, and resolving frontend paths."""

import pytest

from home.factories import StandardPageFactory
from tests.utils import translate


def test_locales_lists_configured_languages_default_first(client, site_tree):
    assert client.get("/api/v2/locales/").json() == [
        {"code": "pl", "name": "Polski", "is_default": True, "home_path": "/"},
        {"code": "cs", "name": "Čeština", "is_default": False, "home_path": "/cs/"},
    ]


def test_topics_in_the_requested_locale(client, content):
    assert client.get("/api/v2/topics/", {"locale": "cs"}).json() == [
        {"id": content.topic_cs.pk, "slug": "mobility", "name": "Mobilita", "description": "Doprava."}
    ]


@pytest.mark.parametrize(
    ("path", "kind", "locale"),
    [
        ("/cs/dobre-praxe/spolecna-jizdenka/", "practice", "cs"),
        ("/cs/dobre-praxe/spolecna-jizdenka", "practice", "cs"),
        ("/dobre-praktyki/wspolny-bilet/", "practice", "pl"),
        ("/partnerzy/miasto-olomuniec/", "partner", "pl"),
        ("/cs/", "home", "cs"),
        ("/", "home", "pl"),
        ("/wydarzenia/", "index", "pl"),
    ],
)
def test_find_resolves_frontend_paths_with_or_without_locale_prefix(client, content, path, kind, locale):
    found = client.get("/api/v2/pages/find/", {"path": path}).json()

    assert (found["type"], found["locale"]) == (kind, locale)
    assert found["path"] == path if path.endswith("/") else path + "/"
    if kind in ("practice", "partner"):
        assert client.get(found["api_url"]).json()["id"] == found["id"]


@pytest.mark.parametrize(
    ("path", "status"), [("/nie-ma/", 404), ("/cs/dobre-praktyki/wspolny-bilet/", 404), ("x", 400)]
)
def test_find_refuses_unknown_and_malformed_paths(client, content, path, status):
    response = client.get("/api/v2/pages/find/", {"path": path})

    assert response.status_code == status
    assert "detail" in response.json()


def test_find_requires_a_path(client, content):
    response = client.get("/api/v2/pages/find/")

    assert response.status_code == 400
    assert "path" in response.json()["errors"]


def test_find_gives_the_breadcrumb_trail_from_the_home_down(client, site_tree, content, locale_cs):
    about = StandardPageFactory(parent=site_tree.home, title="O projekcie", slug="o-projekcie", intro="")
    history = StandardPageFactory(parent=about, title="Historia", slug="historia", intro="")
    translate(about, locale_cs, {"O projekcie": "O projektu", "o-projekcie": "o-projektu"})
    translate(history, locale_cs, {"Historia": "Historie", "historia": "historie"})

    def trail(path):
        return [(crumb["title"], crumb["path"]) for crumb in find(client, path)["breadcrumbs"]]

    assert trail("/cs/o-projektu/historie/") == [
        ("Úvodní stránka", "/cs/"),
        ("O projektu", "/cs/o-projektu/"),
        ("Historie", "/cs/o-projektu/historie/"),
    ]
    assert trail("/dobre-praktyki/wspolny-bilet/") == [
        ("Strona główna", "/"),
        ("Dobre praktyki", "/dobre-praktyki/"),
        ("Wspólny bilet", "/dobre-praktyki/wspolny-bilet/"),
    ]
    assert trail("/") == [("Strona główna", "/")]


def find(client, path):
    response = client.get("/api/v2/pages/find/", {"path": path})
    assert response.status_code == 200, response.content
    return response.json()
