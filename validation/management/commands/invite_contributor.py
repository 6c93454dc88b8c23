"""An administrator invites a partner institution's contributor: there is no self-registration of admin accounts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from validation.models import ContributorGroup


class Command(BaseCommand):
    help = (
        "Create a contributor of a partner institution (in its 'Contributors – <institution>' group, run "
        "setup_roles first) with no usable password, and print the link where they choose one."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--partner", type=int, required=True, help="Id of the institution's partner page.")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--base-url", default="", help="The admin's address, e.g. https://cms.example.org")

    def handle(self, *args, email, partner, first_name, last_name, base_url, **options):
        link = ContributorGroup.objects.filter(partner__translation_key__in=_same_partner(partner)).first()
        if link is None:
            raise CommandError(f"No contributors' group for partner page {partner}: run setup_roles first.")
        users = get_user_model().objects
        user = users.filter(email__iexact=email).first()
        if user is None:
            user = users.create_user(username=email, email=email, first_name=first_name, last_name=last_name)
            user.set_unusable_password()
            user.save()
        if user.has_usable_password():
            raise CommandError(f"{email} already has an account with a password; add them to the group in the admin.")
        user.groups.add(link.group)
        self.stdout.write(self.style.SUCCESS(f"{email} is in '{link.group.name}'."))
        self.stdout.write(f"Send them this link to choose a password: {base_url.rstrip('/')}{set_password_path(user)}")


def set_password_path(user):
    """Wagtail's own password-reset confirmation page: the token is single-use and expires (PASSWORD_RESET_TIMEOUT)."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("wagtailadmin_password_reset_confirm", args=[uidb64, token])


def _same_partner(partner_id):
    from wagtail.models import Page

    return Page.objects.filter(pk=partner_id).values("translation_key")
