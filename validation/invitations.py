"""Inviting a partner institution's contributor: an account in its group, and an e-mail with a set-password link.

There is no self-registration of admin accounts: only an administrator invites
(`manage.py invite_contributor`, or *Settings → Invite a contributor*). The
person gets the invitation in their language, with Wagtail's own single-use
password-reset link, valid for `PASSWORD_RESET_TIMEOUT`, and the admin in that
language once they sign in.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.formats import date_format
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from validation.models import ContributorGroup


class InvitationError(ValueError):
    """Why nobody was invited, in the administrator's language."""


@dataclass(frozen=True)
class Invitation:
    user: object
    group: object
    link: str


def contributor_group_of(partner):
    """The `Contributors – <institution>` link of a partner page in any language, or None (run setup_roles)."""
    return (
        ContributorGroup.objects.filter(partner__translation_key=partner.translation_key)
        .select_related("group", "partner")
        .first()
    )


def invite_contributor(email, partner, *, language, first_name="", last_name="", base_url=""):
    """Create (or find, if never activated) the contributor, put them in the institution's group, mail them."""
    link = contributor_group_of(partner)
    if link is None:
        raise InvitationError(
            gettext("%(partner)s has no contributors' group yet: run setup_roles.") % {"partner": partner}
        )
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first()
    if user is None:
        user = users.create_user(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
    if user.has_usable_password():
        raise InvitationError(
            gettext("%(email)s already has an account with a password; add them to the group in the admin.")
            % {"email": email}
        )
    user.groups.add(link.group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    url = f"{(base_url or settings.WAGTAILADMIN_BASE_URL).rstrip('/')}{set_password_path(user)}"
    invitation_mail(user, institution_name(link.partner, language), url, language).send()
    return Invitation(user=user, group=link.group, link=url)


def institution_name(partner, language):
    """The partner's name in the invited person's language, where it has been translated."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = partner.get_translation_or_none(locale) if locale else None
    return (translated or partner).title


def set_password_path(user):
    """Wagtail's own password-reset confirmation page: the token is single-use and expires (PASSWORD_RESET_TIMEOUT)."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("wagtailadmin_password_reset_confirm", args=[uidb64, token])


def invitation_mail(user, institution, url, language):
    """The invitation, in `language`: what the account is for, the link and until when it works."""
    expires = timezone.localtime() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    with translation.override(language):
        subject = gettext("Invitation to propose good practices for %(institution)s") % {"institution": institution}
        until = f"{date_format(expires, 'DATETIME_FORMAT')} ({date_format(expires, 'T')})"
        body = render_to_string(
            "validation/invitation_mail.txt",
            {"user": user, "institution": institution, "link": url, "expires": until},
        )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
