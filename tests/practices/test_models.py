"""Practice pages: where they may live in the tree, and what full_clean() accepts."""

import datetime
from decimal import Decimal

import pytest
from wagtail.models import get_page_models

from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage
from tests.utils import allowed_under, creatable_under, validation_errors

# Pages shared by the module are made once (see `module_db`); every test reads fresh copies.
pytestmark = pytest.mark.django_db

# Page-tree rules


def test_practice_index_goes_only_under_a_home_page(tree_pages):
    assert creatable_under(PracticeIndexPage, tree_pages) == {"home"}
    assert allowed_under(PracticeIndexPage, tree_pages) == {"home"}
    assert PracticeIndexPage.allowed_subpage_models() == [PracticePage]


def test_practice_goes_only_under_the_practice_index(tree_pages):
    assert creatable_under(PracticePage, tree_pages) == {"practices"}
    assert allowed_under(PracticePage, tree_pages) == {"practices"}


def test_practice_has_no_subpages(tree_pages):
    assert PracticePage.allowed_subpage_models() == []
    assert not any(model.can_create_at(tree_pages["practice"]) for model in get_page_models())


# Field validation through full_clean()


@pytest.fixture(scope="module")
def valid_practice(module_tree):
    return PracticePageFactory(
        parent=module_tree.practices,
        nuts3_code="PL523",
        latitude=Decimal("50.675100"),
        longitude=Decimal("17.921300"),
        budget_amount=Decimal("1250000.00"),
        budget_currency="PLN",
        contact_email="kontakt@example.org",
    )


@pytest.fixture
def practice(valid_practice):
    """A fresh copy of a valid practice, to break in memory."""
    return PracticePage.objects.get(pk=valid_practice.pk)


def test_factory_practice_is_valid(practice):
    assert validation_errors(practice) == {}


@pytest.mark.parametrize("code", ["PL523", "CZ071", "CZ080", ""])
def test_nuts3_code_accepts_codes_and_blank(practice, code):
    practice.nuts3_code = code

    assert validation_errors(practice) == {}


@pytest.mark.parametrize("code", ["pl523", "PL52", "XX-123", "P1523", "PL 52"])
def test_nuts3_code_rejects_malformed_codes(practice, code):
    practice.nuts3_code = code

    assert "invalid_nuts3" in validation_errors(practice)["nuts3_code"]


def test_summary_of_300_characters_is_accepted(practice):
    practice.summary = "a" * 300

    assert validation_errors(practice) == {}


def test_summary_over_300_characters_is_rejected(practice):
    practice.summary = "a" * 301

    assert set(validation_errors(practice)) == {"summary"}


def test_end_date_before_start_date_is_rejected(practice):
    practice.start_date = datetime.date(2018, 5, 1)
    practice.end_date = datetime.date(2018, 4, 30)

    assert set(validation_errors(practice)) == {"end_date"}


def test_end_date_on_start_date_is_accepted(practice):
    practice.end_date = practice.start_date

    assert validation_errors(practice) == {}


def test_practice_without_end_date_must_be_ongoing(practice):
    practice.end_date = None
    practice.is_ongoing = False

    assert set(validation_errors(practice)) == {"is_ongoing"}


def test_ongoing_practice_needs_no_end_date(practice):
    practice.end_date = None
    practice.is_ongoing = True

    assert validation_errors(practice) == {}


def test_budget_without_currency_is_rejected(practice):
    practice.budget_currency = ""

    assert set(validation_errors(practice)) == {"budget_currency"}


def test_currency_without_budget_is_rejected(practice):
    practice.budget_amount = None

    assert set(validation_errors(practice)) == {"budget_amount"}


def test_no_budget_and_no_currency_is_accepted(practice):
    practice.budget_amount = None
    practice.budget_currency = ""

    assert validation_errors(practice) == {}


def test_negative_budget_is_rejected(practice):
    practice.budget_amount = Decimal("-1")

    assert set(validation_errors(practice)) == {"budget_amount"}


def test_invalid_contact_email_is_rejected(practice):
    practice.contact_email = "kontakt(at)example.org"

    assert set(validation_errors(practice)) == {"contact_email"}
