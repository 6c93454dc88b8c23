"""A bilingual site with a topic and a partner, proposals ready to send, and people with roles."""

import pytest

from security.public_forms import issue_token
from tests.enquiries.conftest import make_user, no_wait

__all__ = ["make_user", "no_wait"]

PROPOSER = "navrhovatel@example.cz"


@pytest.fixture
def form(content, no_wait):
    """form(**changes) -> a valid Czech proposal with a fresh token; a None value leaves the field out."""

    def make(**changes):
        data = {
            "title": "Sdílená kola v Olomouci",
            "summary": "Síť sdílených kol propojená s jízdenkou MHD.",
            "challenge": "Krátké cesty autem v centru.",
            "solution": "Sto kol na dvaceti stanicích.\n\nSpuštěno v roce 2021.",
            "resources": "Rozpočet města.",
            "timescale": "2020–2021",
            "results": "30 000 výpůjček ročně.",
            "difficulties": "Vandalismus <b>v zimě</b>.",
            "transferability": "Opole má podobnou síť linek.",
            "municipality": "Olomouc",
            "latitude": "49.594",
            "longitude": "17.251",
            "topics": ["mobility"],
            "institution": "Statutární město Olomouc",
            "partner": content.partner_cs.pk,
            "contact_person": "Petr Novák",
            "name": "Jana Nováková",
            "email": PROPOSER,
            "organisation": "Univerzita Palackého",
            "consent_to_processing": True,
            "language": "cs",
            "token": issue_token("proposal"),
            "website": "",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make
