"""A mistyped WEBHOOK_ALLOWED_NETWORKS is reported at startup, not at the first delivery."""

import ipaddress

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def allowed_networks_are_networks(app_configs, **kwargs):
    errors = []
    for network in settings.WEBHOOK_ALLOWED_NETWORKS:
        try:
            ipaddress.ip_network(network.strip(), strict=False)
        except ValueError:
            errors.append(
                checks.Error(
                    f"WEBHOOK_ALLOWED_NETWORKS: {network!r} is not an IP network (e.g. 10.1.2.0/24 or ::1/128).",
                    id="webhooks.E001",
                )
            )
    return errors
