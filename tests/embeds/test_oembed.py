"""The oEmbed provider: a rich iframe for any public practice, event or partner URL, errors per the spec."""

import pytest

from practices.factories import PracticePageFactory

FRONTEND = "https://portal.example.org"


def oembed(client, url, **params):
    return client.get("/api/oembed/", {"url": url, **params})


@pytest.mark.parametrize(
    ("path", "kind", "title"),
    [
        ("/dobre-praktyki/wspolny-bilet/", "practice", "Wspólny bilet"),
        ("/cs/dobre-praxe/spolecna-jizdenka/", "practice", "Společná jízdenka"),
        ("/wydarzenia/spotkanie-sieci/", "event", "Spotkanie sieci"),
        ("/cs/akce/setkani-site/", "event", "Setkání sítě"),
        ("/partnerzy/miasto-olomuniec/", "partner", "Miasto Ołomuniec"),
        ("/cs/partneri/mesto-olomouc/", "partner", "Statutární město Olomouc"),
    ],
)
def test_rich_iframe_for_every_embeddable_url_in_either_language(client, content, path, kind, title):
    response = oembed(client, FRONTEND + path)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["version"] == "1.0"
    assert data["type"] == "rich"
    assert data["title"] == title
    assert data["provider_name"] == "Agglomerations4Borderlands"
    locale = "cs" if path.startswith("/cs/") else "pl"
    assert f'src="http://testserver/embed/{locale}/{kind}/' in data["html"]
    assert data["html"].startswith("<iframe") and data["html"].endswith("</iframe>")
    assert isinstance(data["width"], int) and isinstance(data["height"], int)


def test_the_iframe_shows_the_widget_of_that_item(client, content):
    data = oembed(client, f"{FRONTEND}/cs/akce/setkani-site/").json()

    assert f"/embed/cs/event/{content.event_cs.pk}/" in data["html"]


def test_urls_without_trailing_slash_or_with_a_query_still_match(client, content):
    assert oembed(client, f"{FRONTEND}/dobre-praktyki/wspolny-bilet").status_code == 200
    assert oembed(client, f"{FRONTEND}/dobre-praktyki/wspolny-bilet/?utm=x#top").status_code == 200


def test_maxwidth_and_maxheight_bound_the_size(client, content):
    data = oembed(client, f"{FRONTEND}/dobre-praktyki/wspolny-bilet/", maxwidth=320, maxheight=200).json()

    assert (data["width"], data["height"]) == (320, 200)
    assert 'width="320" height="200"' in data["html"]
    assert oembed(client, f"{FRONTEND}/dobre-praktyki/wspolny-bilet/", maxwidth=5000).json()["width"] == 600


@pytest.mark.parametrize(
    "url",
    [
        f"{FRONTEND}/dobre-praktyki/nie-ma/",
        f"{FRONTEND}/dobre-praktyki/",  # an index page has no widget
        f"{FRONTEND}/",
        "https://elsewhere.example.com/dobre-praktyki/wspolny-bilet/",
        "http://portal.example.org/dobre-praktyki/wspolny-bilet/",
        "not a url",
        "https://[portal.example.org/",
    ],
)
def test_unknown_urls_are_404(client, content, url):
    response = oembed(client, url)

    assert response.status_code == 404
    assert "detail" in response.json()


def test_drafts_are_404(client, site_tree):
    PracticePageFactory(parent=site_tree.practices, slug="szkic", live=False)

    assert oembed(client, f"{FRONTEND}/dobre-praktyki/szkic/").status_code == 404


def test_xml_is_501_and_other_formats_400(client, content):
    url = f"{FRONTEND}/dobre-praktyki/wspolny-bilet/"

    assert oembed(client, url, format="xml").status_code == 501
    assert oembed(client, url, format="json").status_code == 200
    assert oembed(client, url, format="yaml").status_code == 400


def test_missing_url_or_bad_sizes_are_400(client, content):
    assert client.get("/api/oembed/").status_code == 400
    assert client.get("/api/oembed/").json()["errors"] == {"url": ["This field is required."]}
    assert oembed(client, f"{FRONTEND}/", maxwidth=0).status_code == 400
    assert oembed(client, f"{FRONTEND}/", maxheight="tall").status_code == 400
    assert oembed(client, f"{FRONTEND}/dobre-praktyki/\x00/").json()["errors"] == {
        "url": ["Null characters are not allowed."]
    }


def test_consumers_own_parameters_are_ignored(client, content):
    assert oembed(client, f"{FRONTEND}/dobre-praktyki/wspolny-bilet/", dnt=1).status_code == 200


def test_oembed_is_documented_with_its_error_codes(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    responses = schema["paths"]["/api/oembed/"]["get"]["responses"]
    assert {"200", "400", "404", "429", "501"} <= set(responses)
