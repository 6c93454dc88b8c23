"""Only live, public content reaches the API: no draft, private page or unpublished subtree leaks anywhere."""

import json

import pytest
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from home.factories import StandardPageFactory
from home.models import HomeFeaturedPractice
from partners.factories import PartnerPageFactory
from practices.factories import PracticeIndexPageFactory, PracticePageFactory
from tests.utils import translate

MARKER = "ZZSECRETZZ"


@pytest.fixture
def hidden(site_tree, content, locale_cs):
    """Pages carrying MARKER in every way a page can be not public, plus public pages that link to them."""
    # A live practice whose newer draft carries the marker.
    content.practice.title = f"Draft {MARKER}"
    content.practice.save_revision()
    # A practice that was never published.
    never = PracticePageFactory(parent=site_tree.practices, title=f"Unpublished {MARKER}", live=False)
    # A live practice under an unpublished index page.
    archive = PracticeIndexPageFactory(parent=site_tree.home, title="Archiwum", slug="archiwum")
    under_unpublished = PracticePageFactory(parent=archive, title=f"Orphan {MARKER}")
    archive.unpublish()
    # A private partner (view restriction), linked from public pages in three ways.
    private = PartnerPageFactory(parent=site_tree.partners, title=f"Private {MARKER}", short_name=MARKER)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    linking = PracticePageFactory(
        parent=site_tree.practices,
        title="Public practice",
        institutions=[private],
        challenge=f'<p><a linktype="page" id="{private.pk}">{MARKER[:2]}link</a></p>',
    )
    EventPageFactory(parent=site_tree.events, title="Public event", organiser=private)
    # Standard pages in the menu: a private one, and a draft one.
    private_page = StandardPageFactory(parent=site_tree.home, title=f"Private {MARKER}", show_in_menus=True)
    PageViewRestriction.objects.create(page=private_page, restriction_type="password", password="x")
    StandardPageFactory(parent=site_tree.home, title=f"Draft {MARKER}", show_in_menus=True, live=False)
    # A Czech translation saved but not published.
    unpublished_cs = translate(linking, locale_cs, {"Public practice": f"Czech {MARKER}"}, publish=False, fallback=True)
    # The home page features the never-published practice.
    home = site_tree.home
    home.featured_practices = [HomeFeaturedPractice(practice=never)]
    home.save_revision().publish()
    return {
        "pages": [never, under_unpublished, private, unpublished_cs],
        "paths": [
            "/archiwum/",
            f"/archiwum/{under_unpublished.slug}/",
            f"/partnerzy/{private.slug}/",
            f"/cs/dobre-praxe/{unpublished_cs.slug}/",
        ],
    }


def every_public_response(client):
    """GET every list (both locales, each page of 100), every detail they mention, and the site endpoints."""
    responses = []
    for locale in ("pl", "cs"):
        responses += [
            client.get("/api/v2/home/", {"locale": locale}),
            client.get("/api/v2/topics/", {"locale": locale}),
            client.get("/api/v2/navigation/", {"locale": locale}),
        ]
        for endpoint in ("practices", "events", "partners", "standard-pages"):
            listing = client.get(f"/api/v2/{endpoint}/", {"locale": locale, "limit": 100})
            responses.append(listing)
            for item in listing.json()["results"]:
                responses.append(client.get(f"/api/v2/{endpoint}/{item['id']}/"))
    responses.append(client.get("/api/v2/locales/"))
    return responses


def test_no_hidden_content_appears_in_any_response(client, hidden):
    responses = every_public_response(client)

    assert all(response.status_code == 200 for response in responses)
    assert len(responses) > 10
    for response in responses:
        assert MARKER not in response.content.decode(), response.wsgi_request.get_full_path()


def test_links_to_a_private_page_lose_their_target(client, hidden):
    practices = client.get("/api/v2/practices/", {"limit": 100}).json()["results"]
    linking = next(item for item in practices if item["title"] == "Public practice")
    detail = client.get(f"/api/v2/practices/{linking['id']}/").json()

    assert detail["institutions"] == []
    assert detail["challenge"] == "<p><a>ZZlink</a></p>"
    assert detail["translations"] == []


def test_hidden_pages_have_no_detail_and_no_path(client, hidden):
    endpoints = {"PracticePage": "practices", "PartnerPage": "partners"}
    for page in hidden["pages"]:
        response = client.get(f"/api/v2/{endpoints[type(page.specific).__name__]}/{page.pk}/")
        assert response.status_code == 404, page
    for path in hidden["paths"]:
        assert client.get("/api/v2/pages/find/", {"path": path}).status_code == 404, path


def test_publishing_the_draft_makes_it_visible(client, content, hidden):
    content.practice.get_latest_revision().publish()

    body = json.dumps([response.json() for response in every_public_response(client)])
    assert f"Draft {MARKER}" in body
