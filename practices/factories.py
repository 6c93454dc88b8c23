"""Factories for topics and practice pages; practices go under a practice index unless given a parent."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from home.factories import HomePageFactory
from practices.models import (
    Agglomeration,
    FundingSource,
    PracticeIndexPage,
    PracticeInstitution,
    PracticePage,
    PracticeTopic,
    Topic,
)


class TopicFactory(DjangoModelFactory):
    """A topic as an editor leaves it: published, with its first revision live. `live=False` makes a draft."""

    name = factory.Sequence(lambda n: f"Temat {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    @factory.post_generation
    def revision(self, create, extracted, **kwargs):
        if create:
            revision = self.save_revision()
            if self.live:
                revision.publish()


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dobre praktyki"
    slug = "dobre-praktyki"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(wagtail_factories.PageFactory):
    """A valid, live practice. Pass `topics=[...]` and `institutions=[partner pages]` to link them."""

    title = factory.Sequence(lambda n: f"Dobra praktyka {n}")
    summary = "Krótki opis praktyki."
    start_date = datetime.date(2016, 3, 1)
    end_date = datetime.date(2019, 12, 31)
    agglomeration = Agglomeration.OPOLE
    funding_source = FundingSource.ZIT_ITI
    parent = factory.SubFactory(PracticeIndexPageFactory)

    class Meta:
        model = PracticePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topic_links = [PracticeTopic(topic=topic) for topic in extracted]
            if create:
                self.save()

    @factory.post_generation
    def institutions(self, create, extracted, **kwargs):
        if extracted:
            self.institutions = [PracticeInstitution(partner=partner) for partner in extracted]
            if create:
                self.save()
