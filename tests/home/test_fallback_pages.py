"""The server-rendered pages show what the API shows: nothing of a draft topic, nothing under an unpublished page."""

import pytest
from wagtail.models import Page, PageViewRestriction

from events.factories import EventPageFactory
from home.factories import StandardPageFactory
from practices.factories import PracticeIndexPageFactory, PracticePageFactory, TopicFactory

MARKER = "ZZSECRETZZ"


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_a_practice_page_names_its_published_topics_only(client, site_tree):
    published = TopicFactory(name="Mobilność", slug="mobility")
    draft = TopicFactory(name=f"Szkic {MARKER}", slug="szkic", live=False)
    practice = PracticePageFactory(parent=site_tree.practices, slug="bilet", topics=[published, draft])

    page = html(client, practice.url)

    assert "#Mobilność" in page
    assert MARKER not in page


@pytest.fixture
def archive(site_tree):
    """A practice index with a live practice and a live event below it, then unpublished."""
    archive = PracticeIndexPageFactory(parent=site_tree.home, title=f"Archiwum {MARKER}", slug="archiwum")
    practice = PracticePageFactory(parent=archive, title=f"Praktyka {MARKER}", slug="stara")
    deeper = StandardPageFactory(parent=practice, title=f"Strona {MARKER}", slug="glebiej")
    archive.unpublish()
    return archive, practice, deeper


def test_pages_under_an_unpublished_page_are_not_found(client, site_tree, archive):
    _archive, practice, deeper = archive
    assert practice.live and deeper.live

    for url in ("/archiwum/", "/archiwum/stara/", "/archiwum/stara/glebiej/"):
        assert MARKER not in html(client, url, status=404)
    assert MARKER not in html(client, "/")


def test_pages_under_a_restricted_page_still_ask_for_the_password(client, site_tree):
    private = PracticePageFactory(parent=site_tree.practices, title=f"Prywatna {MARKER}", slug="prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    page = html(client, "/dobre-praktyki/prywatna/")

    assert MARKER not in page
    assert "password" in page


def test_links_to_translations_lead_only_to_public_pages(client, site_tree, content):
    czech_path = "/cs/dobre-praxe/spolecna-jizdenka/"
    assert czech_path in html(client, content.practice.url)

    Page.objects.get(pk=site_tree.practices_cs.pk).unpublish()  # fresh: the fixture's copy has a stale numchild

    assert czech_path not in html(client, content.practice.url)
    html(client, czech_path, status=404)


def test_lists_and_menus_skip_unpublished_subtrees(client, site_tree):
    site_tree.events.show_in_menus = True
    site_tree.events.save_revision().publish()
    EventPageFactory(parent=site_tree.events, title=f"Wydarzenie {MARKER}", slug="wydarzenie")
    assert "Wydarzenie" in html(client, site_tree.events.url)

    Page.objects.get(pk=site_tree.events.pk).unpublish()

    page = html(client, "/")
    assert site_tree.events.url not in page
    assert MARKER not in page
