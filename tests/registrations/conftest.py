"""An event in Polish and Czech taking registrations (two places), forms ready to send, people with roles."""

import json

import pytest

from events.models import EventPage
from security.public_forms import issue_token
from tests.enquiries.conftest import make_user, no_wait  # noqa: F401 (fixtures)

URL = "/api/v2/registrations/"


@pytest.fixture
def event(content):
    """The Polish event: registration on, two places, every optional question asked; the Czech one shares it."""
    EventPage.objects.filter(translation_key=content.event.translation_key).update(
        registration_enabled=True,
        capacity=2,
        registration_questions=["institution", "position", "visit_language", "needs", "internship"],
    )
    content.event.refresh_from_db()
    content.event_cs.refresh_from_db()
    return content.event


@pytest.fixture
def form(event, no_wait):  # noqa: F811
    """form(**changes) -> a valid registration for `event`, with a fresh token; None drops a field."""

    def make(**changes):
        data = {
            "event": event.pk,
            "name": "Anna Kowalska",
            "email": "anna@example.pl",
            "country": "PL",
            "institution_kind": "public_administration",
            "institution": "Urząd Miasta Opola",
            "position": "Referent",
            "visit_language": "both",
            "needs": "",
            "internship_period": "maj 2027",
            "internship_host": "Magistrát Olomouc",
            "consent_to_processing": True,
            "language": "pl",
            "token": issue_token("registration"),
            "website": "",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make


def post(client, data, **headers):
    return client.post(URL, data=json.dumps(data), content_type="application/json", **headers)
