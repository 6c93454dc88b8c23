import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

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
        users = get_user_model().objects
        names = []
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            for role in (EDITOR, TRANSLATOR, REVIEWER):
                username = f"{role}-{code}"
                user, _created = users.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
                user.is_active = True
                user.set_password(password)
                user.save()
                user.groups.add(Group.objects.get(name=group_name(role, code)))
                names.append(username)
        self.stdout.write(f"  Demo users: {', '.join(names)}\n  Password:   {password}")
