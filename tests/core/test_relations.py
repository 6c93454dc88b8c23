"""Items related through links another app owns reach a page's detail through what that app provides."""

from core.api import relations
from partners.models import PartnerPage
from practices.models import PracticePage


def test_the_apps_owning_the_links_provide_the_related_items():
    assert set(relations._providers[PracticePage]) == {"events", "opinions"}
    assert set(relations._providers[PartnerPage]) == {"practices", "events"}


def test_details_carry_the_provided_items(client, content):
    partner = client.get(f"/api/v2/partners/{content.partner.pk}/").json()
    practice = client.get(f"/api/v2/practices/{content.practice.pk}/").json()

    assert [item["id"] for item in partner["events"]] == [content.event.pk]
    assert [item["id"] for item in partner["practices"]] == [content.practice.pk]
    assert [item["id"] for item in practice["events"]] == [content.event.pk]


def test_a_detail_asks_the_provider_not_its_own_query(client, content, monkeypatch):
    asked = []

    def no_events(page, tree, locale_id):
        asked.append((page.pk, locale_id))
        return []

    monkeypatch.setitem(relations._providers[PartnerPage], "events", no_events)

    partner = client.get(f"/api/v2/partners/{content.partner.pk}/").json()

    assert partner["events"] == []
    assert asked == [(content.partner.pk, content.partner.locale_id)]
