"""Factories for partner pages, created under a partner index (itself under a home page) unless given a parent."""

import factory
import wagtail_factories

from home.factories import HomePageFactory
from partners.models import InstitutionType, PartnerIndexPage, PartnerPage, PartnerRole


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partnerzy"
    slug = "partnerzy"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Instytucja partnerska {n}")
    short_name = factory.Sequence(lambda n: f"IP{n}")
    institution_type = InstitutionType.CITY
    role = PartnerRole.PARTNER
    country = "PL"
    parent = factory.SubFactory(PartnerIndexPageFactory)

    class Meta:
        model = PartnerPage
