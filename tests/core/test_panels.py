"""Partner and practice choosers open in the index of the edited page's language, not at the root of the tree."""

import json
import re

import pytest
from django.urls import reverse

from events.factories import EventPageFactory
from events.models import EventRelatedPractice
from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "password"))
    return client


def choosers(html):
    """{field id: the chooser's options} for every IndexPageChooser the page's HTML starts."""
    found = re.findall(r'new IndexPageChooser\("([^"]+)", (\{.*?\})\);', html)
    return {field_id: json.loads(options) for field_id, options in found}


def add_page_html(client, app, model, parent):
    return client.get(reverse("wagtailadmin_pages:add", args=(app, model, parent.pk))).content.decode()


@pytest.mark.parametrize("language", ["pl", "cs"])
def test_a_new_practices_institution_chooser_opens_in_its_languages_partner_index(
    shared_site_tree, admin_client, language
):
    index = shared_site_tree.practices if language == "pl" else shared_site_tree.practices_cs
    partners = shared_site_tree.partners if language == "pl" else shared_site_tree.partners_cs

    html = add_page_html(admin_client, "practices", "practicepage", index)

    options = choosers(html)["id_institutions-__prefix__-partner"]  # the row the "Add" button copies
    assert options["initialParentId"] == partners.pk
    assert options["modelNames"] == ["partners.partnerpage"]
    assert "core/js/index-page-chooser.js" in html


@pytest.mark.parametrize("language", ["pl", "cs"])
def test_a_new_events_organiser_chooser_opens_in_its_languages_partner_index(shared_site_tree, admin_client, language):
    index = shared_site_tree.events if language == "pl" else shared_site_tree.events_cs
    partners = shared_site_tree.partners if language == "pl" else shared_site_tree.partners_cs

    options = choosers(add_page_html(admin_client, "events", "eventpage", index))

    assert options["id_organiser"]["initialParentId"] == partners.pk
    assert (
        options["id_related_practices-__prefix__-practice"]["initialParentId"]
        == (shared_site_tree.practices if language == "pl" else shared_site_tree.practices_cs).pk
    )


def test_an_edited_czech_events_rows_open_in_the_czech_indexes(shared_site_tree, admin_client):
    """A page written in Czech (not a translation, which wagtail-localize's editor handles) has Czech choosers."""
    partner = PartnerPageFactory(parent=shared_site_tree.partners_cs)
    practice = PracticePageFactory(parent=shared_site_tree.practices_cs)
    event = EventPageFactory(
        parent=shared_site_tree.events_cs,
        organiser=partner,
        related_practices=[EventRelatedPractice(practice=practice)],
    )

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()

    options = choosers(html)
    assert options["id_organiser"]["initialParentId"] == shared_site_tree.partners_cs.pk
    assert options["id_organiser"]["parentId"] == shared_site_tree.partners_cs.pk  # beside the chosen partner
    assert options["id_related_practices-0-practice"]["initialParentId"] == shared_site_tree.practices_cs.pk


def test_the_homes_partner_practice_and_event_choosers_open_in_their_indexes(shared_site_tree, admin_client):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[shared_site_tree.home.pk])).content.decode()

    options = choosers(html)
    assert options["id_project_partners-__prefix__-partner"]["initialParentId"] == shared_site_tree.partners.pk
    assert options["id_featured_practices-__prefix__-practice"]["initialParentId"] == shared_site_tree.practices.pk
    assert options["id_featured_events-__prefix__-event"]["initialParentId"] == shared_site_tree.events.pk
