"""Outgoing e-mail, from EMAIL_URL: the portal's "Ask the owner" messages and form confirmations.

django-environ, already the project's one reader of the environment, parses the
URL as dj-email-url does (`smtp+tls://user:password@host:587`, `smtps://...`,
`consolemail://`, `memorymail://`), so no second library is needed. Empty means
Django's default, SMTP on localhost: dev.py prints messages on the console
instead and test.py keeps them in memory. Production refuses to start with a
mail server but the placeholder sender (production.py); a question that cannot
be sent is kept and sent again by `purge_enquiries` (docs/network.md).
"""


def mail_settings(env):
    """EMAIL_* settings for `EMAIL_URL`; Django's defaults (SMTP on localhost) when it is empty."""
    settings = {
        "DEFAULT_FROM_EMAIL": env("DEFAULT_FROM_EMAIL"),
        "SERVER_EMAIL": env("DEFAULT_FROM_EMAIL"),
        # A mail server that hangs must not hold a visitor's request (and a worker) for ever.
        "EMAIL_TIMEOUT": env("EMAIL_TIMEOUT"),
    }
    if env("EMAIL_URL"):
        parsed = env.email_url_config(env("EMAIL_URL"))
        settings.update({key: value for key, value in parsed.items() if value not in (None, "")})
    return settings
