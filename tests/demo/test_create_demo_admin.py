"""`create_demo_admin`: a superuser whose printed password works, at the admin URL of this server."""

from io import StringIO

from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command


def run(*args):
    out = StringIO()
    call_command("create_demo_admin", *args, stdout=out)
    return out.getvalue()


def test_prints_working_credentials_and_the_configured_admin_url(db, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8022"

    output = run()

    password = output.split("Password: ")[1].strip()
    assert "Admin:    http://127.0.0.1:8022/admin/" in output
    user = authenticate(username="admin", password=password)
    assert user is not None and user.is_superuser


def test_running_it_again_resets_the_password(db):
    first = run("--password", "first-password")
    second = run("--password", "second-password")

    assert "Created" in first and "Reset the password" in second
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert authenticate(username="admin", password="second-password") is not None
