"""Everything `make demo` does to the database, in one process, saying what it is doing.

One process instead of five `manage.py` calls: each would pay Django's and
Wagtail's start-up again (3–4 s here), and a second `make demo` on an unchanged
database should take seconds. Each step is skipped or quick when it has nothing
to do: migrate runs only when migrations are pending, `load_demo` changes nothing
the second time, the roles and the webhook endpoint are brought up to date.
"""

import os
import secrets
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from demo.validations import MissingPeople, validate_demo_practices
from translation.roles import EDITOR, REVIEWER, TRANSLATOR
from validation.management.commands.create_validation_demo_users import DEMO_PEOPLE


def pending_migrations():
    """How many migrations `migrate` would apply now."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def demo_usernames():
    """The users `setup_roles --demo-users` makes, one per role and content language, then the validation's."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    roles = [f"{role}-{code}" for code in codes for role in (EDITOR, TRANSLATOR, REVIEWER)]
    return [*roles, *DEMO_PEOPLE, "contributor"]


class Command(BaseCommand):
    help = (
        "Prepare the demo database: migrate if needed, load the demo content, create the administrator and one "
        "user per role and language with a fresh password, and register the frontend's webhook endpoint."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frontend-webhook-url",
            help="Register the portal frontend's webhook receiver at this URL (secret: FRONTEND_WEBHOOK_SECRET).",
        )
        parser.add_argument(
            "--keep-users",
            action="store_true",
            help="Leave the users and their passwords as they are: for a copy of a database prepared before, "
            "whose password the caller kept (the browser tests' template).",
        )
        parser.add_argument(
            "--credentials-file",
            help="Also write the users and their password to this file (readable by its owner only), "
            "for the launcher to print once the servers are up.",
        )

    def step(self, message):
        self.stdout.write(self.style.MIGRATE_HEADING(f"==> {message}"))

    def handle(self, *args, frontend_webhook_url, credentials_file, keep_users, verbosity, **options):
        if keep_users and credentials_file:
            raise CommandError("--keep-users sets no password, so there are no credentials to write.")
        pending = pending_migrations()
        if pending:
            self.step(f"Migrating the database ({pending} migrations to apply)")
            call_command("migrate", interactive=False, verbosity=verbosity, stdout=self.stdout)
        else:
            self.step("Database schema up to date")

        self.step("Loading the demo content (the first time takes a minute or two; then it only checks)")
        call_command("load_demo", verbosity=verbosity, stdout=self.stdout)

        if keep_users:
            self.step("Keeping the demo users and their passwords")
        else:
            self.step("Creating the demo users with a fresh password")
            password = secrets.token_urlsafe(12)
            quiet = StringIO()
            call_command("create_demo_admin", f"--password={password}", stdout=quiet)
            call_command("setup_roles", "--demo-users", f"--password={password}", stdout=quiet)
            call_command("create_validation_demo_users", f"--password={password}", stdout=quiet)

        self.step("Validating the demo's expert-checked practices through the good practice check")
        try:
            validated = validate_demo_practices()
        except MissingPeople as error:
            self.stdout.write(f"Skipped: the demo users are missing ({error}); run make demo without --keep-users.")
        else:
            self.stdout.write(f"Validated and published: {'; '.join(validated)}." if validated else "Already done.")

        if frontend_webhook_url:
            self.step("Registering the portal frontend's webhook endpoint")
            call_command("register_frontend_webhook", "--url", frontend_webhook_url, stdout=self.stdout)

        if not keep_users:
            self.credentials(password, quiet.getvalue(), credentials_file)

    def credentials(self, password, log, credentials_file):
        """Who may sign in with which password, and whose password this run reset, to a private file or stdout."""
        changes = [
            line.strip() for line in log.splitlines() if line.strip().startswith(("Created", "Reset the password"))
        ]
        credentials = (
            f"Sign in at {settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_home')} as\n"
            f"  admin (administrator)\n"
            f"  {', '.join(demo_usernames())}\n"
            f"Password (the same for all of them): {password}\n" + "".join(f"  {change}\n" for change in changes)
        )
        if credentials_file:
            path = Path(credentials_file)
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(credentials)
            os.chmod(path, 0o600)
        else:
            self.stdout.write(credentials)
