"""POST /api/v2/proposals/: a proposal is kept for the editors; every bad form gets a 400 naming its field."""

import json
import time

import pytest
from django.core import mail
from django.core.cache import cache

from proposals.models import PracticeProposal
from security.public_forms import issue_token
from tests.proposals.conftest import PROPOSER

URL = "/api/v2/proposals/"
TERMS = "/api/v2/proposals/terms/"


def post(client, data, **headers):
    return client.post(URL, data=json.dumps(data), content_type="application/json", **headers)


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


def test_a_proposal_is_kept_for_the_czech_editors_and_nothing_is_public(client, form, content, site_tree):
    response = post(client, form())

    assert response.status_code == 202
    assert response["Cache-Control"] == "no-store"
    assert "Děkujeme" in response.json()["detail"]
    proposal = PracticeProposal.objects.get()
    assert proposal.locale == site_tree.home_cs.locale
    assert (proposal.title, proposal.topics, proposal.partner) == (
        "Sdílená kola v Olomouci",
        ["mobility"],
        content.partner_cs.specific,
    )
    assert (proposal.proposer_email, proposal.status, proposal.language) == (PROPOSER, "new", "cs")
    assert proposal.consent_version
    listing = client.get("/api/v2/practices/?locale=cs").content.decode()
    assert "Sdílená kola" not in listing
    assert "Sdílená kola" not in client.get("/api/v2/search/?q=kola&locale=cs").content.decode()


def test_the_form_encoding_of_a_plain_html_form_is_taken(client, form):
    response = client.post(URL, data=form(latitude=None, longitude=None, partner=None))

    assert response.status_code == 202
    assert PracticeProposal.objects.get().topics == ["mobility"]


def test_only_the_required_fields_are_enough(client, form):
    optional = dict.fromkeys(
        ["resources", "timescale", "difficulties", "latitude", "longitude", "topics", "institution", "partner"]
        + ["contact_person", "organisation", "website", "language"]
    )
    response = post(client, form(**optional), HTTP_ACCEPT_LANGUAGE="pl")

    assert response.status_code == 202
    assert PracticeProposal.objects.get().locale.language_code == "pl"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": None}, "title"),
        ({"title": "x" * 101}, "title"),
        ({"summary": ""}, "summary"),
        ({"summary": "x" * 301}, "summary"),
        ({"challenge": None}, "challenge"),
        ({"solution": ""}, "solution"),
        ({"results": None}, "results"),
        ({"transferability": ""}, "transferability"),
        ({"municipality": None}, "municipality"),
        ({"timescale": "x" * 201}, "timescale"),
        ({"latitude": "91"}, "latitude"),
        ({"longitude": None}, "longitude"),
        ({"topics": ["nonexistent"]}, "topics"),
        ({"topics": ["not a slug!"]}, "topics"),
        ({"partner": 999_999}, "partner"),
        ({"partner": "abc"}, "partner"),
        ({"name": None}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"consent_to_processing": False}, "consent_to_processing"),
        ({"consent_to_processing": None}, "consent_to_processing"),
        ({"token": None}, "token"),
        ({"token": issue_token("enquiry")}, "token"),
        ({"language": "de"}, "language"),
        ({"website": "http://spam.example"}, "website"),
    ],
)
def test_each_bad_field_gets_a_400_naming_it(client, form, change, field):
    response = post(client, form(**change))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert not PracticeProposal.objects.exists()
    assert mail.outbox == []


def test_a_title_over_100_characters_is_refused_in_czech(client, form):
    errors = post(client, form(title="x" * 101)).json()["errors"]

    assert "100" in errors["title"][0]
    assert "znak" in errors["title"][0]  # Czech: "znaků"


def test_errors_speak_polish_to_a_polish_proposer(client, form):
    errors = post(client, form(language="pl", topics=["mobility"], consent_to_processing=False)).json()["errors"]

    assert errors == {"consent_to_processing": ["Prosimy o zgodę na sposób postępowania z propozycją."]}


def test_a_topic_of_the_other_language_is_unknown(client, form, content):
    content.topic.slug = "tylko-po-polsku"
    content.topic.save()

    response = post(client, form(topics=["tylko-po-polsku"]))

    assert response.status_code == 400
    assert response.json()["errors"]["topics"] == ["Neznámé téma: tylko-po-polsku."]


def test_the_honeypot_filled_is_refused(client, form):
    response = post(client, form(website="http://spam.example"))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["website"]


def test_a_form_sent_too_fast_is_refused(client, form, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 60

    response = post(client, form(token=issue_token("proposal")))

    assert response.status_code == 400
    assert "rychle" in response.json()["errors"]["token"][0]  # Czech: "příliš rychle"


def test_the_rate_limit_per_address_answers_429(client, form, settings):
    settings.PROPOSAL_ADDRESS_RATE = "2/hour"

    answers = [post(client, form()).status_code for _ in range(3)]

    assert answers == [202, 202, 429]
    assert PracticeProposal.objects.count() == 2
    assert int(post(client, form())["Retry-After"]) > 0


def test_invalid_forms_do_not_count_against_the_limit(client, form, settings):
    settings.PROPOSAL_ADDRESS_RATE = "1/hour"

    assert post(client, form(title="")).status_code == 400
    assert post(client, form()).status_code == 202


def test_the_terms_give_consent_topics_and_a_token(client, content, settings):
    settings.PROPOSAL_RETENTION_DAYS = 120

    body = client.get(TERMS, {"locale": "cs"}).json()

    assert body["retention_days"] == 120
    assert "120" in body["consent_to_processing"]
    assert "redakto" in body["recipients"]
    assert body["topics"] == [{"slug": "mobility", "name": "Mobilita"}]
    assert body["consent_version"]
    assert body["token"]
    assert client.get(TERMS, {"locale": "de"}).status_code == 400


def test_a_token_from_the_terms_is_accepted_after_the_minimum_wait(client, form, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 1
    token = client.get(TERMS, {"locale": "cs"}).json()["token"]
    time.sleep(1.1)

    assert post(client, form(token=token)).status_code == 202


def test_the_schema_documents_both_endpoints_with_their_errors(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    assert set(schema["paths"]["/api/v2/proposals/"]["post"]["responses"]) == {"202", "400", "429"}
    assert set(schema["paths"]["/api/v2/proposals/terms/"]["get"]["responses"]) == {"200", "400", "429"}


def test_a_visitor_of_another_language_is_answered_in_polish_and_the_proposal_goes_to_the_polish_editors(client, form):
    response = post(client, form(language=None, topics=None), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 202
    assert PracticeProposal.objects.get().locale.language_code == "pl"
