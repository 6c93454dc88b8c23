"""Every public response states the language of its content, not the API's English messages."""

from urllib.parse import urlencode

import pytest

ROUTES = {
    "practice list": lambda c, code: f"/api/v2/practices/?locale={code}",
    "practice": lambda c, code: f"/api/v2/practices/{(c.practice_cs if code == 'cs' else c.practice).pk}/",
    "event list": lambda c, code: f"/api/v2/events/?locale={code}",
    "event": lambda c, code: f"/api/v2/events/{(c.event_cs if code == 'cs' else c.event).pk}/",
    "partner": lambda c, code: f"/api/v2/partners/{(c.partner_cs if code == 'cs' else c.partner).pk}/",
    "topics": lambda c, code: f"/api/v2/topics/?locale={code}",
    "search": lambda c, code: f"/api/v2/search/?q=bilet&locale={code}",
    "home": lambda c, code: f"/api/v2/home/?locale={code}",
    "oEmbed": lambda c, code: (
        "/api/oembed/?"
        + urlencode(
            {
                "url": "https://portal.example.org"
                + ("/cs/akce/setkani-site/" if code == "cs" else "/dobre-praktyki/wspolny-bilet")
            }
        )
    ),
    "RSS": lambda c, code: f"/feeds/{code}/practices.rss",
    "Atom": lambda c, code: f"/feeds/{code}/events.atom",
    "iCal": lambda c, code: f"/feeds/{code}/events.ics",
    "one event's iCal": lambda c, code: f"/feeds/{code}/events/{(c.event_cs if code == 'cs' else c.event).pk}.ics",
    "widget": lambda c, code: f"/embed/{code}/practices/",
}


@pytest.mark.parametrize("code", ["pl", "cs"])
@pytest.mark.parametrize("route", list(ROUTES))
def test_the_response_names_its_contents_language_rendered_and_kept(client, content, route, code):
    url = ROUTES[route](content, code)

    rendered, kept = client.get(url), client.get(url)

    assert rendered.status_code == kept.status_code == 200, rendered.content[:300]
    assert rendered["Content-Language"] == kept["Content-Language"] == code


def test_an_error_is_in_the_apis_english(client, content):
    response = client.get("/api/v2/practices/?locale=xx")

    assert response.status_code == 400
    assert response["Content-Language"] == "en"
