"""Partner pages: where they may live in the tree, and what full_clean() accepts."""

import pytest
from wagtail.models import get_page_models

from partners.factories import PartnerPageFactory
from partners.models import PartnerIndexPage, PartnerPage
from tests.utils import allowed_under, creatable_under, validation_errors

# Pages shared by the module are made once (see `module_db`); every test reads fresh copies.
pytestmark = pytest.mark.django_db


def test_partner_index_goes_only_under_a_home_page(tree_pages):
    assert creatable_under(PartnerIndexPage, tree_pages) == {"home"}
    assert allowed_under(PartnerIndexPage, tree_pages) == {"home"}
    assert PartnerIndexPage.allowed_subpage_models() == [PartnerPage]


def test_partner_goes_only_under_the_partner_index(tree_pages):
    assert creatable_under(PartnerPage, tree_pages) == {"partners"}
    assert allowed_under(PartnerPage, tree_pages) == {"partners"}


def test_partner_has_no_subpages(tree_pages):
    assert PartnerPage.allowed_subpage_models() == []
    assert not any(model.can_create_at(tree_pages["partner"]) for model in get_page_models())


@pytest.fixture(scope="module")
def valid_partner(module_tree):
    return PartnerPageFactory(parent=module_tree.partners, email="biuro@example.org", website="https://example.org")


@pytest.fixture
def partner(valid_partner):
    """A fresh copy of a valid partner, to break in memory."""
    return PartnerPage.objects.get(pk=valid_partner.pk)


def test_factory_partner_is_valid(partner):
    assert validation_errors(partner) == {}


@pytest.mark.parametrize("email", ["biuro", "biuro@", "biuro at example.org"])
def test_invalid_email_is_rejected(partner, email):
    partner.email = email

    assert set(validation_errors(partner)) == {"email"}


def test_invalid_website_is_rejected(partner):
    partner.website = "example org"

    assert set(validation_errors(partner)) == {"website"}


def test_unknown_role_is_rejected(partner):
    partner.role = "sponsor"

    assert set(validation_errors(partner)) == {"role"}
