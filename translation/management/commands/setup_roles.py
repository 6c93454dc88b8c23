import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from wagtail.users.models import UserProfile

from translation.roles import EDITOR, REVIEWER, TRANSLATOR, group_name, setup_roles


class Command(BaseCommand):
    help = (
        "Create or repair the translation roles: Editors, Translators and Reviewers per locale, Administrators, "
        "and the 'Translation review' workflow of each locale. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Also create one user per role and locale (editor-pl, translator-cs, reviewer-cs, ...).",
        )
        parser.add_argument("--password", help="Password of the demo users (default: a fresh random one).")

    def handle(self, *args, demo_users, password, **options):
        for note in setup_roles():
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(self.style.SUCCESS("Translation roles and review workflows are in place."))
        if demo_users:
            self.create_demo_users(password or secrets.token_urlsafe(12))

    def create_demo_users(self, password):
        """One ready-to-use person per role and language: named, with their language as the admin's."""
        users = get_user_model().objects
        created, reset = [], []
        admin_languages = {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            for role in (EDITOR, TRANSLATOR, REVIEWER):
                username = f"{role}-{code}"
                first_name, last_name = DEMO_PEOPLE.get(username, (role.capitalize(), code.upper()))
                user, is_new = users.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
                user.first_name, user.last_name, user.is_active = first_name, last_name, True
                user.set_password(password)
                user.save()
                user.groups.add(Group.objects.get(name=group_name(role, code)))
                if code in admin_languages:
                    profile = UserProfile.get_for_user(user)
                    profile.preferred_language = code
                    profile.save(update_fields=["preferred_language"])
                (created if is_new else reset).append(username)
        if created:
            self.stdout.write(f"  Created demo users: {', '.join(created)}")
        if reset:
            self.stdout.write(f"  Reset the passwords of: {', '.join(reset)}")
        self.stdout.write(f"  Password:   {password}")


#: The demo's people, so the first journey does not start with a form asking for a name.
DEMO_PEOPLE = {
    "editor-pl": ("Anna", "Nowak"),
    "translator-pl": ("Piotr", "Wiśniewski"),
    "reviewer-pl": ("Katarzyna", "Zielińska"),
    "editor-cs": ("Jana", "Nováková"),
    "translator-cs": ("Tomáš", "Dvořák"),
    "reviewer-cs": ("Petra", "Svobodová"),
}
