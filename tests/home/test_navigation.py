"""The navigation endpoint: menu sections and footer links of one locale, from the page tree."""

import pytest
from wagtail.models import Page, PageViewRestriction

from home.factories import StandardPageFactory
from home.navigation import NavigationSerializer
from tests.api import declared_fields
from tests.utils import translate

URL = "/api/v2/navigation/"


def in_menus(page, value=True):
    page.show_in_menus = value
    page.save_revision().publish()
    return page


@pytest.fixture
def site(site_tree, locale_cs):
    """The indexes in the menu (events first, by moving), an about page in the menu, contact and statement not."""
    for index in (site_tree.practices, site_tree.events, site_tree.partners):
        in_menus(index)
    home = Page.objects.get(pk=site_tree.home.pk)
    Page.objects.get(pk=site_tree.events.pk).move(home, pos="first-child")
    about = in_menus(StandardPageFactory(parent=site_tree.home, title="O projekcie", slug="o-projekcie"))
    contact = StandardPageFactory(parent=site_tree.home, title="Kontakt", slug="kontakt")
    statement = StandardPageFactory(parent=site_tree.home, title="Deklaracja dostępności", slug="deklaracja")
    StandardPageFactory(parent=about, title="Historia", slug="historia")
    intro = {"Krótki wstęp.": "Krátký úvod."}
    about_cs = translate(about, locale_cs, {"O projekcie": "O projektu", "o-projekcie": "o-projektu", **intro})
    statement_strings = {"Deklaracja dostępności": "Prohlášení o přístupnosti", "deklaracja": "prohlaseni", **intro}
    statement_cs = translate(statement, locale_cs, statement_strings)
    return {"about": about, "contact": contact, "statement": statement, "about_cs": about_cs, "cs": statement_cs}


def links(items):
    return [(item["title"], item["path"], item["type"], item["section"]) for item in items]


def test_menu_and_footer_follow_the_tree_in_each_locale(client, site_tree, site):
    polish = client.get(URL).json()
    czech = client.get(URL, {"locale": "cs"}).json()

    assert set(polish) == declared_fields(NavigationSerializer)
    assert polish["locale"] == "pl"
    home = {"id": site_tree.home.pk, "title": "Strona główna", "path": "/", "type": "home", "section": None}
    assert polish["home"] == home
    assert links(polish["main"]) == [
        ("Wydarzenia", "/wydarzenia/", "index", "events"),
        ("Dobre praktyki", "/dobre-praktyki/", "index", "practices"),
        ("Partnerzy", "/partnerzy/", "index", "partners"),
        ("O projekcie", "/o-projekcie/", "page", None),
    ]
    assert links(polish["footer"]) == [
        ("O projekcie", "/o-projekcie/", "page", None),
        ("Kontakt", "/kontakt/", "page", None),
        ("Deklaracja dostępności", "/deklaracja/", "page", None),
    ]
    assert czech["home"]["path"] == "/cs/"
    # The Czech indexes were translated before they were put in the menu: the menu is each locale's own.
    assert links(czech["main"]) == [("O projektu", "/cs/o-projektu/", "page", None)]
    assert links(czech["footer"]) == [
        ("O projektu", "/cs/o-projektu/", "page", None),
        ("Prohlášení o přístupnosti", "/cs/prohlaseni/", "page", None),
    ]
    assert [item["id"] for item in czech["footer"]] == [site["about_cs"].pk, site["cs"].pk]
    # Every list's index, in the menu or not: a frontend renders the Czech indexes all the same.
    assert czech["sections"] == {"practices": "/cs/dobre-praxe/", "events": "/cs/akce/", "partners": "/cs/partneri/"}


def test_drafts_private_and_unpublished_pages_stay_out(client, site_tree, site):
    StandardPageFactory(parent=site_tree.home, title="Szkic", slug="szkic", live=False, show_in_menus=True)
    private = in_menus(StandardPageFactory(parent=site_tree.home, title="Prywatna", slug="prywatna"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    Page.objects.get(pk=site["contact"].pk).unpublish()
    site["about"].title = "Nowy tytuł w szkicu"
    site["about"].save_revision()

    answer = client.get(URL).json()

    assert [item["title"] for item in answer["main"]][-1] == "O projekcie"
    assert [item["title"] for item in answer["footer"]] == ["O projekcie", "Deklaracja dostępności"]


def test_a_menu_change_shows_on_the_next_request(client, site_tree, site):
    assert len(client.get(URL).json()["main"]) == 4

    in_menus(Page.objects.get(pk=site_tree.partners.pk).specific, False)

    assert [item["title"] for item in client.get(URL).json()["main"]] == ["Wydarzenia", "Dobre praktyki", "O projekcie"]


def test_answers_are_cached_with_an_etag(client, site):
    first = client.get(URL, {"locale": "cs"})

    again = client.get(URL, {"locale": "cs"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


@pytest.mark.parametrize(("query", "parameter"), [({"locale": "de"}, "locale"), ({"lang": "pl"}, "lang")])
def test_bad_parameters_are_a_400(client, site, query, parameter):
    response = client.get(URL, query)

    assert response.status_code == 400
    assert parameter in response.json()["errors"]
