"""The admin's Share / embed view: the snippets to copy for live pages, an explanation for the others."""

import html
import re

import pytest
from django.urls import reverse

from practices.factories import PracticePageFactory


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "password"))
    return client


def test_edit_view_links_to_share_view(admin_client, content):
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[content.event.pk])).content.decode()

    assert reverse("embeds_share", args=[content.event.pk]) in page
    assert "Udostępnij / osadź" in page  # the admin speaks the default language, Polish


def test_index_pages_have_no_share_view(admin_client, site_tree):
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.events.pk])).content.decode()

    assert reverse("embeds_share", args=[site_tree.events.pk]) not in page
    assert admin_client.get(reverse("embeds_share", args=[site_tree.events.pk])).status_code == 404


def test_share_view_shows_script_iframe_and_oembed_snippets(admin_client, content):
    response = admin_client.get(reverse("embeds_share", args=[content.practice_cs.pk]))

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert (
        '<script src="http://testserver/embed.js" data-a4b-widget="practice" data-locale="cs" '
        f'data-id="{content.practice_cs.pk}" async></script>'
    ) in page
    assert f'<iframe src="http://testserver/embed/cs/practice/{content.practice_cs.pk}/"' in page
    assert "http://testserver/api/oembed/?url=https%3A%2F%2Fportal.example.org%2Fcs%2Fdobre-praxe%2F" in page


def test_share_view_explains_why_a_draft_cannot_be_embedded(admin_client, site_tree):
    draft = PracticePageFactory(parent=site_tree.practices, live=False)

    page = admin_client.get(reverse("embeds_share", args=[draft.pk])).content.decode()

    assert "Ta strona nie jest publiczna" in page
    assert "embed.js" not in page


def test_share_view_is_for_admin_users_only(client, content):
    response = client.get(reverse("embeds_share", args=[content.practice.pk]))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_share_view_is_headed_by_its_name_under_the_page_not_by_the_dashboard(admin_client, content):
    page = admin_client.get(reverse("embeds_share", args=[content.practice.pk])).content.decode()

    start = page.index("data-w-breadcrumbs")
    trail = page[start : page.index("</ol>", start)]
    shown = [item for item in re.split(r"<li\b", trail)[1:] if " hidden" not in item.split(">", 1)[0]]
    assert len(shown) == 1  # the current screen; the page's ancestors fold away, as on Wagtail's page screens
    heading = " ".join(re.sub(r"<[^>]+>", " ", shown[0].split(">", 1)[1]).split())
    assert heading == "Udostępnij / osadź : Wspólny bilet"
    assert f'href="{reverse("wagtailadmin_explore", args=[content.practice.pk])}"' in trail
    assert ">Start<" not in re.sub(r"\s+", "", trail)
