"""The network's people over the bilingual site: two institutions' contributors, an editor, two validators."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.utils.translation import override

from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory
from translation.roles import EDITOR, group_name, setup_roles
from validation.models import ContributorGroup
from validation.roles import VALIDATORS


@pytest.fixture(autouse=True)
def in_english():
    with override("en"):
        yield


def person(django_user_model, username, *groups, first="", last=""):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "password", first_name=first, last_name=last
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def network(site_tree, django_user_model):
    ours = PartnerPageFactory(parent=site_tree.partners, title="Urząd Miasta Opola")
    theirs = PartnerPageFactory(parent=site_tree.partners, title="Statutární město Olomouc")
    setup_roles()
    ours_group = ContributorGroup.objects.get(partner=ours).group
    theirs_group = ContributorGroup.objects.get(partner=theirs).group
    validators_pl, validators_cs = (Group.objects.get(name=name) for name in VALIDATORS.values())
    people = SimpleNamespace(
        contributor=person(django_user_model, "ala", ours_group, first="Ala", last="Kowal"),
        colleague=person(django_user_model, "ola", ours_group),
        other=person(django_user_model, "jiri", theirs_group),
        editor=person(django_user_model, "editor", Group.objects.get(name=group_name(EDITOR, "pl"))),
        validator_pl=person(django_user_model, "val-pl", validators_pl, first="Marek", last="Polak"),
        validator_cs=person(django_user_model, "val-cs", validators_cs, first="Eva", last="Černá"),
    )
    return SimpleNamespace(tree=site_tree, ours=ours, theirs=theirs, people=people)


def draft_practice(network, owner, *, institutions=(), title="Wspólny bilet aglomeracyjny"):
    """A practice proposal saved as a draft by `owner`, as the admin's create view leaves it."""
    page = PracticePageFactory(
        parent=network.tree.practices, title=title, live=False, owner=owner, institutions=list(institutions)
    )
    page.save_revision(user=owner)
    return page


@pytest.fixture
def proposal(network):
    return draft_practice(network, network.people.contributor, institutions=[network.ours])


@pytest.fixture
def others_proposal(network):
    return draft_practice(network, network.people.other, institutions=[network.theirs], title="Olomoucká karta")
