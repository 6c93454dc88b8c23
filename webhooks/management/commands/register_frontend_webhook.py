"""Register (or bring up to date) the portal frontend's webhook endpoint, without the admin.

`make demo`, the frontend's browser tests and deployments run it, so a publish
drops what the frontend has cached without anyone filling in the admin's form.
The endpoint is found by its name: running the command again with another URL
or secret updates that one endpoint instead of adding a second receiver. The
secret comes from the environment (`FRONTEND_WEBHOOK_SECRET`), never from the
command line, where every user of the machine could read it.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.env import env
from webhooks.models import SUBSCRIBABLE_EVENTS, WebhookEndpoint

SECRET_VARIABLE = "FRONTEND_WEBHOOK_SECRET"


class Command(BaseCommand):
    help = (
        "Create or update the webhook endpoint of the portal frontend (every event, every language and type), "
        f"signed with the secret in {SECRET_VARIABLE}. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", required=True, help="The frontend's receiver, e.g. http://127.0.0.1:3000/api/webhooks/cms"
        )
        parser.add_argument("--name", default="Portal frontend", help="The endpoint's name, which identifies it.")

    def handle(self, *args, url, name, **options):
        secret = env(SECRET_VARIABLE)
        if not secret:
            raise CommandError(f"Set {SECRET_VARIABLE} to the secret the frontend verifies (CMS_WEBHOOK_SECRET there).")
        events = [value for value, _label in SUBSCRIBABLE_EVENTS]
        endpoint = WebhookEndpoint.objects.filter(name=name).order_by("pk").first() or WebhookEndpoint(name=name)
        wanted = {"url": url, "secret": secret, "is_active": True, "events": events, "content_types": []}
        unchanged = endpoint.pk is not None and all(getattr(endpoint, key) == value for key, value in wanted.items())
        for field, value in wanted.items():
            setattr(endpoint, field, value)
        try:
            endpoint.full_clean()
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            raise CommandError(f"Not a usable webhook endpoint: {problems}") from error
        created = endpoint.pk is None
        if not unchanged:
            endpoint.save()
        if endpoint.locales.exists():
            endpoint.locales.clear()
            unchanged = False
        state = "registered" if created else "already registered" if unchanged else "updated"
        self.stdout.write(f"Webhook endpoint '{name}' {state}: {url} ({', '.join(events)}).")
