"""Widget pages: public content only, in the path's language, framable by any site, without cookies."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from practices.factories import PracticePageFactory


def test_practice_card_is_a_self_contained_accessible_page(client, content):
    response = client.get(f"/embed/pl/practice/{content.practice.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="pl">' in html
    assert "<main>" in html and "<h1>" in html
    assert "Wspólny bilet" in html and "Jeden bilet w aglomeracji." in html
    assert "Mobilność" in html and "Miasto Ołomuniec" in html
    assert "https://portal.example.org/dobre-praktyki/wspolny-bilet/" in html
    # Inline CSS only: no stylesheet, script or font from anywhere.
    assert '<link rel="stylesheet"' not in html
    assert re.search(r"<script[^>]+src=", html) is None
    # Every image has alternative text.
    assert all('alt="' in tag for tag in re.findall(r"<img[^>]*>", html))


def test_card_is_in_the_language_of_its_path(client, content):
    html = client.get(f"/embed/cs/practice/{content.practice_cs.pk}/").content.decode()

    assert '<html lang="cs">' in html
    assert "Společná jízdenka" in html and "Mobilita" in html
    assert "Statutární město Olomouc" in html
    assert "Více na portálu" in html
    assert "https://portal.example.org/cs/dobre-praxe/spolecna-jizdenka/" in html


def test_an_id_from_another_language_is_not_found(client, content):
    assert client.get(f"/embed/cs/practice/{content.practice.pk}/").status_code == 404
    assert client.get(f"/embed/pl/event/{content.event_cs.pk}/").status_code == 404
    assert client.get(f"/embed/pl/event/{content.practice.pk}/").status_code == 404


def test_event_and_partner_cards(client, content):
    event = client.get(f"/embed/cs/event/{content.event_cs.pk}/").content.decode()
    partner = client.get(f"/embed/pl/partner/{content.partner.pk}/").content.decode()

    assert "Setkání sítě" in event and "Opolí" in event and "Statutární město Olomouc" in event
    assert "Miasto Ołomuniec" in partner and "(MO)" in partner


@pytest.mark.parametrize("kind", ["practice", "event", "partner"])
def test_item_widgets_advertise_their_oembed(client, content, kind):
    page = {"practice": content.practice, "event": content.event, "partner": content.partner}[kind]
    html = client.get(f"/embed/pl/{kind}/{page.pk}/").content.decode()

    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
    assert link is not None
    assert link.group(1).startswith("http://testserver/api/oembed/?url=https%3A%2F%2Fportal.example.org%2F")
    assert client.get(link.group(1).replace("&amp;", "&")).status_code == 200


def test_drafts_private_pages_and_pages_under_unpublished_ones_are_not_found(client, content, site_tree):
    draft = PracticePageFactory(parent=site_tree.practices, live=False)
    private = PracticePageFactory(parent=site_tree.practices)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_parent_event = content.event
    site_tree.events.unpublish()

    assert client.get(f"/embed/pl/practice/{draft.pk}/").status_code == 404
    assert client.get(f"/embed/pl/practice/{private.pk}/").status_code == 404
    assert client.get(f"/embed/pl/event/{hidden_parent_event.pk}/").status_code == 404
    assert "Spotkanie sieci" not in client.get("/embed/pl/events/").content.decode()


def test_unknown_language_and_huge_ids_are_not_found_with_a_message(client, content):
    response = client.get("/embed/de/events/")

    assert response.status_code == 404
    assert "Unknown language &#x27;de&#x27;; use one of: pl, cs." in response.content.decode()
    assert client.get(f"/embed/pl/practice/{2**40}/").status_code == 404


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"type": "party"}, "type"),
        ({"organiser": "x"}, "organiser"),
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"colour": "red"}, "colour"),
        ({"country": ""}, "country"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(client, content, params, name):
    response = client.get("/embed/pl/events/", params)

    assert response.status_code == 400
    assert f"{name}:" in response.content.decode()
    assert response["Content-Security-Policy"].endswith("frame-ancestors *")


def test_single_item_widgets_take_no_parameters(client, content):
    assert client.get(f"/embed/pl/practice/{content.practice.pk}/", {"limit": 3}).status_code == 400


def test_upcoming_events_are_filtered_and_limited(client, content, site_tree):
    soon = timezone.now() + datetime.timedelta(days=3)
    EventPageFactory(parent=site_tree.events, title="Warsztaty", event_type="workshop", start=soon, end=soon)
    EventPageFactory(parent=site_tree.events, title="Dawno temu")  # 2018: past

    html = client.get("/embed/pl/events/").content.decode()
    assert html.index("Warsztaty") < html.index("Spotkanie sieci")
    assert "Dawno temu" not in html
    assert "Nadchodzące wydarzenia" in html

    only_meetings = client.get("/embed/pl/events/", {"type": "network_meeting"}).content.decode()
    assert "Spotkanie sieci" in only_meetings and "Warsztaty" not in only_meetings
    by_organiser = client.get("/embed/pl/events/", {"organiser": content.partner_cs.pk}).content.decode()
    assert "Spotkanie sieci" in by_organiser and "Warsztaty" not in by_organiser
    assert client.get("/embed/pl/events/", {"limit": 1}).content.decode().count("<li>") == 1
    assert "Spotkanie sieci" not in client.get("/embed/pl/events/", {"country": "CZ"}).content.decode()


def test_practice_list_filters_by_topic_and_agglomeration(client, content, site_tree):
    PracticePageFactory(parent=site_tree.practices, title="Rower miejski", agglomeration="opole")

    everything = client.get("/embed/pl/practices/").content.decode()
    by_topic = client.get("/embed/pl/practices/", {"topic": "mobility"}).content.decode()
    by_agglomeration = client.get("/embed/pl/practices/", {"agglomeration": "opole"}).content.decode()
    czech = client.get("/embed/cs/practices/").content.decode()

    assert "Rower miejski" in everything and "Wspólny bilet" in everything
    assert "Wspólny bilet" in by_topic and "Rower miejski" not in by_topic
    assert "Rower miejski" in by_agglomeration and "Wspólny bilet" not in by_agglomeration
    assert "Společná jízdenka" in czech and "Rower miejski" not in czech and "Dobré praxe" in czech


def test_an_empty_list_says_so(client, content):
    assert "Žádné nadcházející akce." in client.get("/embed/cs/events/", {"type": "workshop"}).content.decode()
    assert "Brak pasujących praktyk." in client.get("/embed/pl/practices/", {"topic": "none"}).content.decode()


@pytest.mark.parametrize("path", ["/embed/pl/events/", "/embed/cs/practices/", "/embed/pl/practices/?limit=x"])
def test_widgets_may_be_framed_by_any_site_and_set_no_cookies(client, content, path):
    response = client.get(path)

    assert response["Content-Security-Policy"].endswith("frame-ancestors *")
    assert "X-Frame-Options" not in response
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_item_widget_headers(client, content):
    response = client.get(f"/embed/cs/event/{content.event_cs.pk}/")

    assert response["Content-Language"] == "cs"
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert not response.cookies


@pytest.mark.parametrize("path", ["/api/v2/practices/", "/admin/login/", "/health/", "/embed.js"])
def test_everything_else_refuses_to_be_framed(client, content, path):
    response = client.get(path)

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors *" not in response.get("Content-Security-Policy", "")


def test_the_inline_script_is_allowed_by_its_hash_and_nothing_else(client, content):
    response = client.get("/embed/pl/events/")
    policy = response["Content-Security-Policy"]

    assert "default-src 'none'" in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy)
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
