"""An administrator invites a partner institution's contributor: there is no self-registration of admin accounts."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from partners.models import PartnerPage
from validation.invitations import InvitationError, invite_contributor


class Command(BaseCommand):
    help = (
        "Create a contributor of a partner institution (in its 'Contributors – <institution>' group; run "
        "setup_roles first) with no usable password, and e-mail them the link where they choose one, in their "
        "language. The link is valid for PASSWORD_RESET_TIMEOUT."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--partner", type=int, required=True, help="Id of the institution's partner page.")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
            help="The invitation's and the admin's language (default: the partner page's).",
        )
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--base-url",
            default="",
            help="The admin's address, e.g. https://cms.example.org (default: WAGTAILADMIN_BASE_URL)",
        )
        parser.add_argument(
            "--print", action="store_true", dest="print_link", help="Also print the link (it is a password: keep it)."
        )

    def handle(self, *args, email, partner, language, first_name, last_name, base_url, print_link, **options):
        page = PartnerPage.objects.filter(pk=partner).select_related("locale").first()
        if page is None:
            raise CommandError(f"No partner page {partner}.")
        language = language or page.locale.language_code
        try:
            with translation.override("en"):
                invitation = invite_contributor(
                    email, page, language=language, first_name=first_name, last_name=last_name, base_url=base_url
                )
        except InvitationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"{email} is in '{invitation.group.name}'; the invitation was e-mailed in {language}.")
        )
        if print_link:
            self.stdout.write(f"Link to choose a password: {invitation.link}")
