"""A practice with an owner to ask, forms ready to send, and people with roles."""

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from practices.models import PracticePage
from security.public_forms import issue_token
from translation.roles import group_name, setup_roles

#: The owner's address: it must reach the mail backend and nothing else.
OWNER = "wlasciciel.ukryty@example.org"
#: The Czech practice's owner (translations keep the contact: a synchronised field).
VISITOR = "navstevnik@example.cz"


@pytest.fixture
def practice(content):
    """The Polish practice, its contact not public; the Czech translation shares the contact."""
    PracticePage.objects.filter(translation_key=content.practice.translation_key).update(
        contact_email=OWNER, contact_is_public=False
    )
    content.practice.refresh_from_db()
    content.practice_cs.refresh_from_db()
    return content.practice


@pytest.fixture
def no_wait(settings):
    """Forms may be sent as soon as their token is issued (the timing check has tests of its own)."""
    settings.PUBLIC_FORM_MIN_SECONDS = 0


@pytest.fixture
def form(practice, no_wait):
    """form(**changes) -> a valid question about `practice`, with a fresh token."""

    def make(**changes):
        data = {
            "practice": practice.pk,
            "name": "Jana Nováková",
            "email": VISITOR,
            "message": "Jak dlouho trvala příprava společné jízdenky?",
            "consent_to_share_address": True,
            "consent_to_processing": True,
            "language": "cs",
            "token": issue_token("enquiry"),
            "website": "",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture
def make_user(django_user_model, site_tree):
    """make_user("editor", "pl") -> a user in that role's group, with the admin in English."""
    setup_roles()

    def make(role=None, code=None, **fields):
        name = f"{role or 'nobody'}-{code or 'none'}"
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "password", **fields)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        if role:
            user.groups.add(Group.objects.get(name=group_name(role, code)))
        return user

    return make
