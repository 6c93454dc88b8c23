"""The demo's validators and one contributor, so the validation journey and scripts/probe_roles.py have people."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from core.models import Country
from validation.models import ContributorGroup
from validation.roles import VALIDATORS

DEMO_PEOPLE = {
    "validator-pl": (VALIDATORS[Country.POLAND], "Marek", "Polak"),
    "validator-cs": (VALIDATORS[Country.CZECHIA], "Eva", "Černá"),
}


class Command(BaseCommand):
    help = "Create validator-pl, validator-cs and contributor (of the first partner); run setup_roles first."

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True)

    def handle(self, *args, password, **options):
        if not Group.objects.filter(name__in=[name for name, *_ in DEMO_PEOPLE.values()]).exists():
            raise CommandError("Run setup_roles first.")
        # The contributor belongs to the first partner institution; content without partners has none.
        link = ContributorGroup.objects.select_related("group").order_by("pk").first()
        people = {**DEMO_PEOPLE, **({"contributor": (link.group.name, "Ala", "Kowal")} if link else {})}
        for username, (group_name, first_name, last_name) in people.items():
            user, _created = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            user.first_name, user.last_name, user.is_active = first_name, last_name, True
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
        contributor = f" (contributor of {link.partner.title})" if link else " (no partner page: no contributor)"
        self.stdout.write(self.style.SUCCESS(f"Demo users: {', '.join(people)}{contributor}."))
