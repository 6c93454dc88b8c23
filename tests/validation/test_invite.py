"""Administrators invite contributors: an account in the institution's group, no password, a set-password link."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from validation.models import ContributorGroup


@pytest.mark.django_db
def test_invite_creates_a_contributor_without_password_and_prints_a_working_link(client, network):
    out = StringIO()
    call_command("invite_contributor", "nowa@opole.example", "--partner", network.ours.pk, stdout=out)
    user = get_user_model().objects.get(email="nowa@opole.example")
    assert not user.has_usable_password()
    assert list(user.groups.all()) == [ContributorGroup.objects.get(partner=network.ours).group]
    link = out.getvalue().split("choose a password: ")[1].strip()
    response = client.get(link, follow=True)
    assert response.status_code == 200 and b"new_password1" in response.content


@pytest.mark.django_db
def test_invite_refuses_an_unknown_partner_and_an_existing_account(network):
    with pytest.raises(CommandError):
        call_command("invite_contributor", "x@example.org", "--partner", 999999, stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("invite_contributor", network.people.editor.email, "--partner", network.ours.pk, stdout=StringIO())


@pytest.mark.django_db
def test_there_is_no_self_registration(client):
    assert client.get("/admin/register/").status_code == 404 or client.get("/admin/register/").status_code == 302
