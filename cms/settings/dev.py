"""Local development: debug on, a throwaway secret, SQLite unless DATABASE_URL says otherwise."""

from cms.env import env
from cms.settings.base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
# Mail is printed on the console unless EMAIL_URL names a server.
if not env("EMAIL_URL"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A webhook receiver on this machine (e.g. the frontend's dev server), unless WEBHOOK_ALLOWED_NETWORKS says otherwise.
if DEBUG and env("WEBHOOK_ALLOWED_NETWORKS") is None:
    WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"]
