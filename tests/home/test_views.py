"""The home endpoint: project facts and highlights of one locale."""

from home.models import HomeFeaturedEvent, HomeFeaturedPractice, HomeProjectPartner
from home.serializers import HomeSerializer
from tests.api import declared_fields
from tests.utils import translate


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


def test_unknown_locale_is_a_400(client, site_tree):
    response = client.get("/api/v2/home/", {"locale": "xx"})

    assert response.status_code == 400
    assert "locale" in response.json()["errors"]
