"""Headless Chromium for admin and embedding journeys (Playwright driving Debian's /usr/bin/chromium).

Browser tests run wherever Chromium is installed; CI installs it and sets A4B_REQUIRE_BROWSER=1,
so there a missing browser fails the run instead of skipping the journeys.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections
from django.urls import reverse

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
#: The password of the users that browser journeys log in as.
PASSWORD = "browser-test-password"


@pytest.fixture(scope="session")
def chromium():
    """One headless browser per test worker."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("A4B_REQUIRE_BROWSER"):
            pytest.fail(f"A4B_REQUIRE_BROWSER is set but Chromium is not at {CHROMIUM}")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; Django's ORM refuses to run
    # beside one unless told that the test owns the thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh browser context (no cookies shared between tests) and its page."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def artifacts_dir():
    """Where browser tests save their screenshots (gitignored; CI keeps it)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def migrated_data_back(django_db_setup, django_db_blocker):
    """Put back what the migrations made (locales, root page, site, permissions) after a live-server module.

    A live server needs a transactional test, which ends by emptying every
    table; without this, the tests that follow in this worker, and the next run
    reusing the database (--reuse-db), would find no locales. (Django's own
    `serialized_rollback` copy lives on a connection object that the browser's
    event loop hides.) Browser test modules use it with
    `pytestmark = pytest.mark.usefixtures("migrated_data_back")`.
    """
    with django_db_blocker.unblock():
        contents = connections[DEFAULT_DB_ALIAS].creation.serialize_db_to_string()

    def restore():
        with django_db_blocker.unblock():
            _restore(contents)

    yield restore
    restore()


@pytest.fixture
def migrated_data_each(migrated_data_back, transactional_db):
    """For a module with several live-server tests: each starts from what the migrations made.

    Put back before the test, not after: the transactional test's own teardown empties the tables last.
    """
    migrated_data_back()


def _restore(contents):
    # The test's flush recreated content types and permissions under new ids; start from empty tables.
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection = connections[DEFAULT_DB_ALIAS]
    connection.creation.deserialize_db_from_string(contents)
    # Rows came back with their ids: move the sequences past them, as loaddata does.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)
    # This process cached the content types the flush recreated; their ids are gone again.
    ContentType.objects.clear_cache()


def log_in(page, base_url, username):
    """Log `username` in to the admin through its login form, from a browser without cookies."""
    page.context.clear_cookies()
    page.goto(f"{base_url}{reverse('wagtailadmin_login')}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}{reverse('wagtailadmin_home')}")
