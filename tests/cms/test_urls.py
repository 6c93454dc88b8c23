"""The URL map: Polish pages unprefixed, Czech under /cs/, admin and API outside the language prefixes."""

import pytest

from practices.factories import PracticePageFactory
from tests.utils import translate


@pytest.fixture
def practices(shared_site_tree, locale_cs):
    practice = PracticePageFactory(parent=shared_site_tree.practices, title="Wspólny bilet", slug="wspolny-bilet")
    practice_cs = translate(
        practice,
        locale_cs,
        {"Wspólny bilet": "Společná jízdenka", "wspolny-bilet": "spolecna-jizdenka", practice.summary: "Krátký popis."},
    )
    return practice, practice_cs


def test_polish_home_is_served_without_a_prefix(shared_site_tree, client):
    response = client.get("/")

    assert response.status_code == 200
    assert response.context["page"] == shared_site_tree.home


def test_czech_home_is_served_under_cs(shared_site_tree, client):
    response = client.get("/cs/")

    assert response.status_code == 200
    assert response.context["page"] == shared_site_tree.home_cs


def test_browser_language_does_not_redirect_the_polish_site(shared_site_tree, client):
    response = client.get("/", headers={"accept-language": "cs"})

    assert response.status_code == 200
    assert response.context["page"] == shared_site_tree.home


def test_polish_language_has_no_prefix(shared_site_tree, client):
    assert client.get("/pl/").status_code == 404


def test_practice_pages_in_both_languages(practices, client):
    practice, practice_cs = practices
    assert practice.url == "/dobre-praktyki/wspolny-bilet/"
    assert practice_cs.url == "/cs/dobre-praxe/spolecna-jizdenka/"

    response = client.get(practice.url)
    response_cs = client.get(practice_cs.url)

    assert response.status_code == 200
    assert response.context["page"] == practice
    assert response_cs.status_code == 200
    assert response_cs.context["page"] == practice_cs


def test_each_language_serves_only_its_own_tree(practices, client):
    assert client.get("/dobre-praxe/spolecna-jizdenka/").status_code == 404
    assert client.get("/cs/dobre-praktyki/wspolny-bilet/").status_code == 404


def test_admin_is_not_language_prefixed(shared_site_tree, client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/cs/admin/").status_code == 404


@pytest.mark.parametrize("accept_language", ["pl", "cs", "en"])
def test_admin_login_is_never_redirected_to_a_language_prefix(db, client, accept_language):
    assert client.get("/admin/login/", headers={"accept-language": accept_language}).status_code == 200


def test_unknown_api_path_is_a_404_not_a_redirect(shared_site_tree, client):
    response = client.get("/api/v2/no-such-endpoint/", headers={"accept-language": "cs"})

    assert response.status_code == 404
