"""Per-address and per-practice limits, counted against the visitor the portal vouches for."""

import json
import time

import pytest
from django.core import mail

from security.public_forms.visitor import sign

URL = "/api/v2/enquiries/"
SECRET = "shared-with-the-portal"


@pytest.fixture
def tight(settings):
    settings.ENQUIRY_ADDRESS_RATE = "2/hour"
    settings.ENQUIRY_PRACTICE_RATE = "100/day"
    settings.PUBLIC_FORM_VISITOR_SECRET = SECRET


def post(client, data, **headers):
    return client.post(URL, data=json.dumps(data), content_type="application/json", **headers)


def test_an_address_may_ask_so_many_questions_then_gets_a_429_with_retry_after(client, form, tight):
    statuses = [post(client, form()).status_code for _ in range(2)]
    refused = post(client, form())

    assert statuses == [202, 202]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "detail" in refused.json()
    assert len(mail.outbox) == 2
    assert post(client, form(), REMOTE_ADDR="198.51.100.9").status_code == 202


def test_a_practice_takes_so_many_questions_from_everyone(client, form, settings):
    settings.ENQUIRY_PRACTICE_RATE = "2/day"

    statuses = [post(client, form(), REMOTE_ADDR=f"198.51.100.{n}").status_code for n in range(3)]

    assert statuses == [202, 202, 429]


def test_the_practice_limit_covers_both_languages_of_a_practice(client, form, settings, content):
    settings.ENQUIRY_PRACTICE_RATE = "1/day"

    first = post(client, form(), REMOTE_ADDR="198.51.100.1")
    in_czech = post(client, form(practice=content.practice_cs.pk), REMOTE_ADDR="198.51.100.2")

    assert (first.status_code, in_czech.status_code) == (202, 429)


def test_invalid_forms_do_not_use_up_the_limit(client, form, tight):
    for _ in range(3):
        assert post(client, form(email="wrong")).status_code == 400

    assert post(client, form()).status_code == 202


def test_the_portal_vouches_for_each_visitor_with_a_signed_header(client, form, tight):
    """All of the portal's posts come from one address; each visitor still gets their own count."""
    first = [post(client, form(), HTTP_X_A4B_VISITOR=sign("203.0.113.1", SECRET)).status_code for _ in range(3)]
    second = post(client, form(), HTTP_X_A4B_VISITOR=sign("203.0.113.2", SECRET))

    assert first == [202, 202, 429]
    assert second.status_code == 202


# Headers made when the test runs, under stable names: signed at collection time, they named the tests
# differently in each pytest-xdist worker whenever collection crossed a second, and the run stopped.
@pytest.mark.parametrize(
    "make_header",
    [
        pytest.param(lambda: sign("203.0.113.1", "a-guessed-secret"), id="guessed-secret"),
        pytest.param(lambda: sign("203.0.113.1", SECRET, now=time.time() - 3600), id="stale"),
        pytest.param(lambda: "203.0.113.1;1;0", id="bad-signature"),
        pytest.param(lambda: "not-an-address;1;0", id="not-an-address"),
        pytest.param(lambda: "203.0.113.1", id="unsigned"),
    ],
)
def test_an_unsigned_stale_or_forged_visitor_header_counts_as_the_connecting_address(client, form, tight, make_header):
    header = make_header()
    statuses = [
        post(client, form(), HTTP_X_A4B_VISITOR=header.replace("203.0.113.1", f"203.0.113.{n}")).status_code
        for n in range(3)
    ]

    assert statuses == [202, 202, 429]


def test_without_a_secret_no_header_is_believed(client, form, tight, settings):
    settings.PUBLIC_FORM_VISITOR_SECRET = ""

    statuses = [post(client, form(), HTTP_X_A4B_VISITOR=sign(f"203.0.113.{n}", "")).status_code for n in range(3)]

    assert statuses == [202, 202, 429]
