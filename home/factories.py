"""Factories for the home app's pages; every page is created under a parent it is allowed to live under."""

import factory
import wagtail_factories
from wagtail.models import Page

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    """A Polish (default locale) home page directly under the tree root."""

    title = factory.Sequence(lambda n: f"Strona główna {n}")
    slug = factory.Sequence(lambda n: f"strona-glowna-{n}")
    project_name = "Razem dla rozwoju aglomeracji"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"O projekcie {n}")
    intro = "Krótki wstęp."
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = StandardPage
