"""Coordinates, shared by practices, events and partners: WGS 84 ranges, both parts or neither."""

from decimal import Decimal

import pytest

from events.factories import EventPageFactory
from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory
from tests.utils import validation_errors

# Pages shared by the module are made once (see `module_db`); every test reads fresh copies.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def valid_located_pages(module_tree):
    """A valid page of each model that has coordinates, by its index's name."""
    factories = {"practices": PracticePageFactory, "events": EventPageFactory, "partners": PartnerPageFactory}
    return {
        name: factory(parent=getattr(module_tree, name), latitude=Decimal("50.6683"), longitude=Decimal("17.9231"))
        for name, factory in factories.items()
    }


@pytest.fixture(params=["practices", "events", "partners"])
def located_page(request, valid_located_pages):
    """A fresh copy of each located page, to break in memory."""
    page = valid_located_pages[request.param]
    return type(page).objects.get(pk=page.pk)


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [("50.6683", "17.9231"), ("90", "180"), ("-90", "-180"), (None, None)],
)
def test_coordinates_in_range_or_absent_are_accepted(located_page, latitude, longitude):
    located_page.latitude = None if latitude is None else Decimal(latitude)
    located_page.longitude = None if longitude is None else Decimal(longitude)

    assert validation_errors(located_page) == {}
    assert located_page.has_coordinates is (latitude is not None)


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [
        ("90.000001", "17.9231", "latitude"),
        ("-90.5", "17.9231", "latitude"),
        ("50.6683", "180.000001", "longitude"),
        ("50.6683", "-181", "longitude"),
    ],
)
def test_coordinates_out_of_range_are_rejected(located_page, latitude, longitude, field):
    located_page.latitude = Decimal(latitude)
    located_page.longitude = Decimal(longitude)

    assert set(validation_errors(located_page)) == {field}


def test_latitude_without_longitude_is_rejected(located_page):
    located_page.longitude = None

    assert set(validation_errors(located_page)) == {"longitude"}


def test_longitude_without_latitude_is_rejected(located_page):
    located_page.latitude = None

    assert set(validation_errors(located_page)) == {"latitude"}
