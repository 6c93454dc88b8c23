"""The home endpoint (project facts and highlights of one locale) and the standard pages' endpoints."""

import pytest
from wagtail.models import Page, PageViewRestriction

from core.api_fields import public_fields, rich_text_fields
from home.factories import StandardPageFactory
from home.models import HomeFeaturedEvent, HomeFeaturedPractice, HomePage, HomeProjectPartner
from home.serializers import HomeSerializer, StandardPageDetailSerializer, StandardPageSummarySerializer
from tests.api import declared_fields
from tests.utils import translate

STANDARD = "/api/v2/standard-pages/"


def test_home_in_each_locale_with_localized_highlights(client, site_tree, content, locale_cs):
    home = site_tree.home
    home.project_partners = [HomeProjectPartner(partner=content.partner)]
    home.featured_practices = [HomeFeaturedPractice(practice=content.practice)]
    home.featured_events = [HomeFeaturedEvent(event=content.event)]
    home.save_revision().publish()
    translate(home, locale_cs, {}, fallback=True)

    polish = client.get("/api/v2/home/").json()
    czech = client.get("/api/v2/home/", {"locale": "cs"}).json()

    assert set(czech) == declared_fields(HomeSerializer)
    assert (polish["locale"], polish["path"]) == ("pl", "/")
    assert (czech["locale"], czech["path"]) == ("cs", "/cs/")
    assert [partner["id"] for partner in czech["partners"]] == [content.partner_cs.pk]
    assert [practice["id"] for practice in czech["featured_practices"]] == [content.practice_cs.pk]
    assert [event["id"] for event in czech["featured_events"]] == [content.event_cs.pk]
    assert czech["translations"][0]["api_url"] == "http://testserver/api/v2/home/?locale=pl"


def test_the_home_api_is_derived_from_its_declaration():
    declared = [field.name for field in public_fields(HomePage)]

    assert list(HomeSerializer._declared_fields)[-len(declared) :] == declared
    assert rich_text_fields(HomePage) == ["intro"]


def test_the_home_items_api_url_is_the_home_endpoint_of_its_locale(client, site_tree):
    site_tree.home.intro = "<p>O projekcie</p>"
    site_tree.home.save_revision().publish()

    home = client.get("/api/v2/home/").json()

    assert (home["type"], home["intro"]) == ("home", "<p>O projekcie</p>")
    assert home["api_url"] == "http://testserver/api/v2/home/?locale=pl"


def test_unknown_locale_is_a_400(client, site_tree):
    response = client.get("/api/v2/home/", {"locale": "xx"})

    assert response.status_code == 400
    assert "locale" in response.json()["errors"]


# Standard pages: about, contact, the accessibility statement


@pytest.fixture
def about(site_tree, content, locale_cs):
    """An 'about' page whose body links to the practice and shows an image, live in Polish and Czech."""
    page = StandardPageFactory(
        parent=site_tree.home,
        title="O projekcie",
        slug="o-projekcie",
        intro="Cele i działania.",
        seo_title="O projekcie A4B",
        search_description="Cele projektu.",
        body=[
            {"type": "heading", "value": "Cele", "id": "h1"},
            {"type": "paragraph", "value": f'<p>Zobacz <a linktype="page" id="{content.practice.pk}">bilet</a>.</p>'},
            {"type": "image", "value": {"image": content.image.pk, "caption": "Rynek", "alt_text": "Rynek"}},
        ],
    )
    czech = translate(
        page,
        locale_cs,
        {
            "O projekcie": "O projektu",
            "o-projekcie": "o-projektu",
            "Cele i działania.": "Cíle a aktivity.",
            "O projekcie A4B": "O projektu A4B",
            "Cele projektu.": "Cíle projektu.",
            "Cele": "Cíle",
            'Zobacz <a id="a1">bilet</a>.': 'Viz <a id="a1">jízdenku</a>.',
            "Rynek": "Náměstí",
        },
    )
    return page, czech


def test_standard_page_detail_in_each_locale_with_its_body(client, content, about):
    polish, czech = about

    pl = client.get(f"{STANDARD}{polish.pk}/").json()
    cs = client.get(f"{STANDARD}{czech.pk}/").json()

    assert set(cs) == declared_fields(StandardPageDetailSerializer)
    assert (pl["type"], pl["locale"], pl["path"], pl["title"]) == ("page", "pl", "/o-projekcie/", "O projekcie")
    assert (cs["type"], cs["locale"], cs["path"], cs["title"]) == ("page", "cs", "/cs/o-projektu/", "O projektu")
    assert (cs["intro"], cs["seo_title"]) == ("Cíle a aktivity.", "O projektu A4B")
    assert cs["search_description"] == "Cíle projektu."
    heading, paragraph, image = cs["body"]
    assert (heading["type"], heading["value"]) == ("heading", "Cíle")
    practice_cs_path = client.get(f"/api/v2/practices/{content.practice_cs.pk}/").json()["path"]
    assert paragraph["value"] == f'<p>Viz <a href="{practice_cs_path}">jízdenku</a>.</p>'
    assert image["value"]["image"]["renditions"]["medium"]["width"] == 640
    assert image["value"]["alt_text"] == "Náměstí"
    assert [(link["locale"], link["id"]) for link in cs["translations"]] == [("pl", polish.pk)]
    assert cs["translations"][0]["api_url"] == f"http://testserver{STANDARD}{polish.pk}/"
    assert cs["api_url"] == f"http://testserver{STANDARD}{czech.pk}/"


def test_standard_page_list_is_per_locale_in_tree_order(client, site_tree, about):
    contact = StandardPageFactory(parent=site_tree.home, title="Kontakt", slug="kontakt")
    site_tree.home.refresh_from_db()
    contact.move(site_tree.home, pos="first-child")

    polish = client.get(STANDARD).json()
    czech = client.get(STANDARD, {"locale": "cs"}).json()

    assert [item["title"] for item in polish["results"]] == ["Kontakt", "O projekcie"]
    assert set(polish["results"][0]) == declared_fields(StandardPageSummarySerializer)
    assert [item["title"] for item in czech["results"]] == ["O projektu"]
    assert czech["count"] == 1


def test_draft_private_and_hidden_standard_pages_are_404_and_unlisted(client, site_tree, about):
    draft = StandardPageFactory(parent=site_tree.home, title="Szkic", slug="szkic", live=False)
    private = StandardPageFactory(parent=site_tree.home, title="Prywatna", slug="prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    parent = StandardPageFactory(parent=site_tree.home, title="Archiwum", slug="archiwum")
    below = StandardPageFactory(parent=parent, title="Pod spodem", slug="pod-spodem")
    Page.objects.get(pk=parent.pk).unpublish()
    about[0].title = "Nowy tytuł w szkicu"
    about[0].save_revision()

    for page in (draft, private, below):
        response = client.get(f"{STANDARD}{page.pk}/")
        assert response.status_code == 404
        assert response.json()["detail"].startswith("No public standard page")
    assert [item["title"] for item in client.get(STANDARD).json()["results"]] == ["O projekcie"]
    assert client.get(f"{STANDARD}{about[0].pk}/").json()["title"] == "O projekcie"


def test_standard_pages_refuse_an_unknown_locale(client, about):
    response = client.get(STANDARD, {"locale": "de"})

    assert response.status_code == 400
    assert "locale" in response.json()["errors"]


def test_find_names_a_standard_page_and_its_endpoint(client, about):
    found = client.get("/api/v2/pages/find/", {"path": "/cs/o-projektu/"}).json()

    assert (found["type"], found["id"]) == ("page", about[1].pk)
    assert client.get(found["api_url"]).json()["title"] == "O projektu"
