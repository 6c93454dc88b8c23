"""People with roles, and the helpers that act as them: submitting, translating, reviewing."""

import re
from io import StringIO

import polib
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils.translation import override
from wagtail.models import Page
from wagtail.users.models import UserProfile

from translation.roles import group_name, setup_roles

SLUG = re.compile(r"^[a-z0-9-]+$")


def czech(text):
    """What our test translator writes: slugs stay slugs, texts get a Czech marker (HTML stays valid)."""
    return f"{text}-cs" if SLUG.match(text) else f"Česky: {text}"


def polish(text):
    return f"{text}-pl" if SLUG.match(text) else f"Po polsku: {text}"


def fill(po, translate):
    """Fill every empty msgstr as a translator would; returns the POFile."""
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = translate(entry.msgid)
    return po


def export(locale_code, *extra):
    out = StringIO()
    call_command("export_translations", "--locale", locale_code, *extra, stdout=out)
    return polib.pofile(out.getvalue())


def in_english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture(autouse=True)
def in_english():
    """Messages are checked in English; the admin's default language here is Polish."""
    with override("en"):
        yield


@pytest.fixture
def roles(site_tree):
    """The roles and review workflows over the bilingual site tree."""
    setup_roles()
    return site_tree


@pytest.fixture
def make_user(django_user_model, roles):
    """make_user("translator", "cs") -> a user in "Translators CS"; several roles may be given as pairs."""

    def make(*pairs, username=None):
        if len(pairs) == 2 and isinstance(pairs[0], str):
            pairs = (tuple(pairs),)
        name = username or "-".join(f"{role}-{code}" for role, code in pairs) or "nobody"
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "password")
        in_english_admin(user)
        for role, code in pairs:
            user.groups.add(Group.objects.get(name=group_name(role, code)))
        return user

    return make


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def fresh(page):
    return Page.objects.get(pk=page.pk).specific
