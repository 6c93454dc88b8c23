"""Figures of a built tree: practices with topics, agglomerations, funding, institutions; events; questions."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from enquiries.models import PracticeInterest
from events.factories import EventPageFactory
from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory, TopicFactory
from translation.roles import group_name, setup_roles

WARSAW = ZoneInfo("Europe/Warsaw")


@dataclass
class Built:
    practices: list
    hidden: list


def when(year):
    return datetime.datetime(year, 5, 4, 10, tzinfo=WARSAW)


@pytest.fixture
def built(site_tree):
    """Four public Polish practices, three hidden ones (draft, private, under a draft), events of two years."""
    mobility = TopicFactory(name="Mobilność", slug="mobility")
    energy = TopicFactory(name="Energia", slug="energy")
    TopicFactory(name="Szkic tematu", slug="draft-topic", live=False)
    city_pl = PartnerPageFactory(parent=site_tree.partners, title="Opole", slug="opole", country="PL")
    city_cz = PartnerPageFactory(parent=site_tree.partners, title="Olomouc", slug="olomouc", country="CZ")
    practices = [
        PracticePageFactory(
            parent=site_tree.practices,
            slug="p1",
            topics=[mobility, energy],
            agglomeration="opole",
            funding_source="interreg",
            institutions=[city_pl, city_cz],
        ),
        PracticePageFactory(
            parent=site_tree.practices, slug="p2", topics=[mobility], agglomeration="opole", institutions=[city_pl]
        ),
        PracticePageFactory(
            parent=site_tree.practices, slug="p3", topics=[mobility], agglomeration="olomouc", institutions=[city_cz]
        ),
        PracticePageFactory(parent=site_tree.practices, slug="p4", agglomeration="cross_border"),
    ]
    practices[0].validated_at = timezone.now()
    practices[0].save_revision().publish()
    draft = PracticePageFactory(parent=site_tree.practices, slug="draft", topics=[energy], live=False)
    private = PracticePageFactory(parent=site_tree.practices, slug="private", topics=[energy])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    EventPageFactory(parent=site_tree.events, slug="e1", event_type="study_visit", start=when(2025), end=when(2025))
    EventPageFactory(parent=site_tree.events, slug="e2", event_type="study_visit", start=when(2026), end=when(2026))
    EventPageFactory(parent=site_tree.events, slug="e3", event_type="workshop", start=when(2026), end=when(2026))
    EventPageFactory(
        parent=site_tree.events, slug="e4", event_type="workshop", start=when(2026), end=when(2026), live=False
    )
    return Built(practices=practices, hidden=[draft, private])


def ask(practice, questions):
    PracticeInterest.objects.update_or_create(practice=practice, defaults={"questions": questions})


@pytest.fixture
def make_user(django_user_model, site_tree):
    """make_user("translator", "cs", language="pl") -> a user in that role's group, the admin in `language`."""
    setup_roles()

    def make(role=None, code=None, language="en"):
        name = f"{role or 'nobody'}-{code or 'none'}"
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "password")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        if role:
            user.groups.add(Group.objects.get(name=group_name(role, code)))
        return user

    return make
