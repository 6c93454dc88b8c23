"""The preview endpoint: a draft in the public API's shape, for a valid signed token only."""

import time
from unittest import mock

import pytest
from django.core import signing

from core.preview import SALT, make_token
from events.models import EventPage, EventRelatedPractice
from home.models import HomePage
from partners.factories import PartnerPageFactory
from partners.models import PartnerPage
from practices.factories import PracticePageFactory, TopicFactory
from practices.models import PracticeInstitution, PracticePage, PracticeTopic

PREVIEW = "/api/v2/preview/"
MARKER = "Tylko w szkicu: nowy opis praktyki."


def draft(page, **changes):
    """Save a draft revision of `page` with `changes`; the live page is untouched."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision()


def preview(client, token, **extra):
    return client.get(PREVIEW, {"token": token, **extra})


def test_a_valid_token_shows_the_draft_which_the_public_api_does_not(client, content):
    revision = draft(content.practice, summary=MARKER)

    response = preview(client, make_token(content.practice.pk, revision.pk))

    assert response.status_code == 200
    assert response.json()["summary"] == MARKER
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    public = client.get(f"/api/v2/practices/{content.practice.pk}/").json()
    assert public["summary"] != MARKER
    assert MARKER not in client.get("/api/v2/practices/").content.decode()


@pytest.mark.parametrize("kind", ["practice", "event", "partner"])
def test_the_preview_of_an_unchanged_page_is_exactly_the_public_detail(client, content, kind):
    page = getattr(content, kind)
    revision = draft(page)

    previewed = preview(client, make_token(page.pk, revision.pk)).json()

    assert previewed == client.get(f"/api/v2/{kind}s/{page.pk}/").json()


def test_the_home_page_previews_as_the_home_endpoint(client, content, locale_cs):
    home = HomePage.objects.get(locale=locale_cs)
    revision = draft(home)

    previewed = preview(client, make_token(home.pk, revision.pk)).json()

    assert previewed == client.get("/api/v2/home/", {"locale": "cs"}).json()


def test_a_token_for_an_older_revision_shows_that_revision(client, content):
    first = draft(content.event, title="Pierwsza wersja")
    draft(content.event, title="Druga wersja")

    assert preview(client, make_token(content.event.pk, first.pk)).json()["title"] == "Pierwsza wersja"
    assert EventPage.objects.get(pk=content.event.pk).get_latest_revision().as_object().title == "Druga wersja"


def test_a_page_never_published_can_be_previewed(client, site_tree):
    page = PracticePageFactory(parent=site_tree.practices, live=False, summary=MARKER)
    revision = page.save_revision()

    response = preview(client, make_token(page.pk, revision.pk))

    assert response.status_code == 200
    assert response.json()["summary"] == MARKER
    assert response.json()["first_published_at"] is None
    assert client.get(f"/api/v2/practices/{page.pk}/").status_code == 404


def test_an_expired_token_is_refused(client, content, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 60
    revision = draft(content.practice, summary=MARKER)
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 61):
        old = make_token(content.practice.pk, revision.pk)
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 50):
        recent = make_token(content.practice.pk, revision.pk)

    response = preview(client, old)
    assert response.status_code == 403
    assert "expired" in response.json()["detail"]
    assert preview(client, recent).status_code == 200


def test_the_default_lifetime_is_an_hour(client, content):
    revision = draft(content.practice)
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 3601):
        token = make_token(content.practice.pk, revision.pk)

    assert preview(client, token).status_code == 403


def test_forged_and_altered_tokens_are_refused(client, content):
    revision = draft(content.practice, summary=MARKER)
    genuine = make_token(content.practice.pk, revision.pk)
    other_page = make_token(content.partner.pk, None)
    # The other page's claims under the genuine token's timestamp and signature.
    swapped = other_page.split(":")[0] + ":" + ":".join(genuine.split(":")[1:])
    forged = [
        swapped,
        genuine[:-2] + ("AA" if not genuine.endswith("AA") else "BB"),
        signing.dumps({"page": content.practice.pk, "revision": revision.pk}, salt="another-salt"),
        signing.dumps({"page": content.practice.pk, "revision": revision.pk}, salt=SALT, key="not-our-secret"),
        signing.TimestampSigner(salt="headlesspreview.token").sign(str(content.practice.pk)),
        "not-a-token",
        "a:b:c",
    ]

    for token in forged:
        response = preview(client, token)
        assert response.status_code == 403, token
        assert response.json() == {"detail": "This preview token is not valid."}
    assert MARKER not in str([preview(client, token).content for token in forged])


def test_unknown_pages_and_revisions_are_404(client, content):
    revision = draft(content.practice)

    assert preview(client, make_token(2**31 - 1, None)).status_code == 404
    assert preview(client, make_token(content.practice.pk, revision.pk + 1000)).status_code == 404
    response = preview(client, make_token(None, None))
    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


def test_pages_without_an_api_representation_are_404(client, site_tree):
    index = site_tree.practices

    assert preview(client, make_token(index.pk, None)).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"token": ""},
        {"token": ["a", "b"]},
        {"token": "x", "locale": "pl"},
        {"token": "x" * 201},
        {"token": "ü:ü:ü"},
    ],
)
def test_bad_parameters_are_400(client, db, params):
    response = client.get(PREVIEW, params)

    assert response.status_code == 400
    assert set(response.json()) == {"detail", "errors"}


def test_previews_are_never_served_from_the_api_cache(client, content):
    token = make_token(content.practice.pk, draft(content.practice, summary="Pierwszy szkic").pk)
    assert preview(client, token).json()["summary"] == "Pierwszy szkic"

    PracticePage.objects.filter(pk=content.practice.pk).update(summary="Zmieniony wprost")
    token_saved = make_token(content.practice.pk, None)
    assert preview(client, token_saved).json()["summary"] == "Zmieniony wprost"
    assert preview(client, token_saved).json()["summary"] == "Zmieniony wprost"
    PracticePage.objects.filter(pk=content.practice.pk).update(summary="Znowu inaczej")
    assert preview(client, token_saved).json()["summary"] == "Znowu inaczej"


def test_the_partner_preview_uses_the_partner_serializer(client, content):
    revision = draft(content.partner, short_name="SZKIC")

    data = preview(client, make_token(content.partner.pk, revision.pk)).json()

    assert (data["type"], data["short_name"]) == ("partner", "SZKIC")
    assert PartnerPage.objects.get(pk=content.partner.pk).short_name == "MO"


def test_the_schema_documents_the_token_and_the_refusals(client, db):
    operation = client.get("/api/schema/", {"format": "json"}).json()["paths"]["/api/v2/preview/"]["get"]

    assert {"200", "400", "403", "404", "429"} <= set(operation["responses"])
    (parameter,) = operation["parameters"]
    assert (parameter["name"], parameter["required"]) == ("token", True)


def test_a_drafts_topics_and_institutions_are_previewed_not_the_published_ones(client, content, site_tree):
    water = TopicFactory(name="Woda", slug="woda")
    second = PartnerPageFactory(parent=site_tree.partners, title="Gmina Nysa", slug="gmina-nysa", short_name="GN")
    page = PracticePage.objects.get(pk=content.practice.pk)
    page.topic_links = [PracticeTopic(topic=water, locale=page.locale)]
    page.institutions = [PracticeInstitution(partner=second), PracticeInstitution(partner=content.partner)]
    revision = page.save_revision()

    previewed = preview(client, make_token(page.pk, revision.pk)).json()

    assert [topic["slug"] for topic in previewed["topics"]] == ["woda"]
    assert [partner["title"] for partner in previewed["institutions"]] == ["Gmina Nysa", "Miasto Ołomuniec"]
    public = client.get(f"/api/v2/practices/{page.pk}/").json()
    assert [topic["slug"] for topic in public["topics"]] == ["mobility"]
    assert [partner["title"] for partner in public["institutions"]] == ["Miasto Ołomuniec"]


def test_a_draft_links_only_to_what_is_public_in_its_language(client, content, site_tree, locale_cs):
    draft_topic = TopicFactory(name="Zieleń", slug="zielen", live=False)
    polish_only = PartnerPageFactory(parent=site_tree.partners, title="Gmina Brzeg", slug="gmina-brzeg")
    page = PracticePage.objects.get(pk=content.practice_cs.pk)
    page.topic_links = [PracticeTopic(topic=draft_topic, locale=locale_cs), *page.topic_links.all()]
    page.institutions = [PracticeInstitution(partner=polish_only), *page.institutions.all()]
    revision = page.save_revision()

    previewed = preview(client, make_token(page.pk, revision.pk)).json()

    assert [topic["slug"] for topic in previewed["topics"]] == ["mobility"]
    assert [partner["id"] for partner in previewed["institutions"]] == [content.partner_cs.pk]


def test_an_events_draft_practices_are_previewed(client, content, site_tree):
    other = PracticePageFactory(parent=site_tree.practices, title="Rowery miejskie", slug="rowery-miejskie")
    page = EventPage.objects.get(pk=content.event.pk)
    page.related_practices = [EventRelatedPractice(practice=other)]
    revision = page.save_revision()

    previewed = preview(client, make_token(page.pk, revision.pk)).json()

    assert [practice["title"] for practice in previewed["related_practices"]] == ["Rowery miejskie"]
    public = client.get(f"/api/v2/events/{page.pk}/").json()
    assert [practice["title"] for practice in public["related_practices"]] == ["Wspólny bilet"]
