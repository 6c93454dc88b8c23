"""Administrators invite contributors: an account in the institution's group, no password, and an e-mail in the
person's language with a set-password link valid for a stated time; nobody else can invite."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.users.models import UserProfile

from validation.models import ContributorGroup

LINK = re.compile(r"https?://\S+/admin/password_reset/confirm/\S+")


def invite(*args):
    out = StringIO()
    call_command("invite_contributor", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_invite_mails_a_working_link_in_the_persons_language(client, network, settings):
    settings.PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
    output = invite("nowa@opole.example", "--partner", network.ours.pk, "--language", "pl", "--first-name", "Nowa")
    user = get_user_model().objects.get(email="nowa@opole.example")
    assert not user.has_usable_password()
    assert list(user.groups.all()) == [ContributorGroup.objects.get(partner=network.ours).group]
    assert UserProfile.get_for_user(user).preferred_language == "pl"
    assert "admin/password_reset" not in output, "the link is a password: printed only when asked"
    [message] = mail.outbox
    assert message.to == ["nowa@opole.example"]
    assert message.subject == "Zaproszenie do proponowania dobrych praktyk: Urząd Miasta Opola"
    assert message.body.startswith("Szanowna Pani / Szanowny Panie Nowa,")
    assert "Link jest ważny do" in message.body
    response = client.get(LINK.search(message.body).group(), follow=True)
    assert response.status_code == 200 and b"new_password1" in response.content


@pytest.mark.django_db
def test_the_czech_invitation_is_in_czech_and_print_shows_the_same_link(network):
    output = invite("nova@olomouc.example", "--partner", network.theirs.pk, "--language", "cs", "--print")
    [message] = mail.outbox
    assert "Odkaz platí do" in message.body
    assert "Statutární město Olomouc" in message.subject
    printed = LINK.search(output).group()
    assert printed in message.body


@pytest.mark.django_db
def test_the_language_defaults_to_the_partner_pages(network):
    invite("ktos@opole.example", "--partner", network.ours.pk)
    assert "Link jest ważny do" in mail.outbox[0].body


@pytest.mark.django_db
def test_invite_refuses_an_unknown_partner_a_bad_language_and_an_existing_account(network):
    with pytest.raises(CommandError):
        invite("x@example.org", "--partner", 999999)
    with pytest.raises(CommandError):
        invite("x@example.org", "--partner", network.ours.pk, "--language", "de")
    with pytest.raises(CommandError, match="already has an account"):
        invite(network.people.editor.email, "--partner", network.ours.pk)
    assert mail.outbox == []


@pytest.mark.django_db
def test_there_is_no_self_registration(client):
    assert client.get("/admin/register/").status_code in (302, 404)


FORM = {"email": "nowy@opole.example", "first_name": "", "last_name": "", "language": "cs"}


@pytest.mark.django_db
def test_an_administrator_invites_from_the_admin(client, network, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "password")
    client.force_login(admin)
    url = reverse("validation_invite")
    assert client.get(url).status_code == 200
    response = client.post(url, {**FORM, "partner": network.ours.pk})
    assert response.status_code == 302
    user = django_user_model.objects.get(email="nowy@opole.example")
    assert user.groups.get() == ContributorGroup.objects.get(partner=network.ours).group
    [message] = mail.outbox
    assert message.to == ["nowy@opole.example"] and "Odkaz platí do" in message.body
    assert reverse("validation_invite") in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_an_invitation_to_an_account_with_a_password_is_a_form_error(client, network, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "password"))
    response = client.post(
        reverse("validation_invite"), {**FORM, "email": network.people.editor.email, "partner": network.ours.pk}
    )
    assert response.status_code == 200
    assert "ma już konto z hasłem" in response.context["form"].errors["email"][0], "in the admin's language"
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["editor", "contributor", "validator_pl"])
def test_nobody_but_administrators_may_invite(client, network, who):
    client.force_login(getattr(network.people, who))
    url = reverse("validation_invite")
    for response in (client.get(url), client.post(url, {**FORM, "partner": network.ours.pk})):
        # Wagtail's refusal: back to the dashboard with "Sorry, you do not have permission to access this area."
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not get_user_model().objects.filter(email="nowy@opole.example").exists()
    assert mail.outbox == []
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
