"""Home and standard pages: where they may live in the tree, and the home page's own checks."""

import datetime

import pytest

from events.models import EventIndexPage
from home.models import HomePage, StandardPage
from partners.models import PartnerIndexPage
from practices.models import PracticeIndexPage
from tests.utils import allowed_under, creatable_under, validation_errors

# The candidate parents are made once for the module (see `module_db`).
pytestmark = pytest.mark.django_db


def test_home_page_goes_only_under_the_root(tree_pages):
    assert creatable_under(HomePage, tree_pages) == {"root"}
    assert allowed_under(HomePage, tree_pages) == {"root"}


def test_home_page_holds_the_indexes_and_standard_pages(tree_pages):
    assert set(HomePage.allowed_subpage_models()) == {PracticeIndexPage, EventIndexPage, PartnerIndexPage, StandardPage}


def test_standard_page_goes_under_home_and_other_standard_pages(tree_pages):
    assert creatable_under(StandardPage, tree_pages) == {"home", "standard"}
    assert allowed_under(StandardPage, tree_pages) == {"home", "standard"}
    assert StandardPage.allowed_subpage_models() == [StandardPage]


def test_project_cannot_end_before_it_starts(module_tree):
    home = HomePage.objects.get(pk=module_tree.home.pk)
    home.period_start, home.period_end = datetime.date(2018, 2, 1), datetime.date(2020, 12, 31)
    assert validation_errors(home) == {}

    home.period_end = datetime.date(2018, 1, 31)

    assert set(validation_errors(home)) == {"period_end"}
