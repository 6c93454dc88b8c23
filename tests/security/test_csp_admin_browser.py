"""Wagtail's admin under its Content-Security-Policy, in a real browser: no violation on any page it walks.

The journey signs in, opens listings, edit and create views, a chooser modal,
the preview panel framing a stand-in frontend on another origin, and
wagtail-localize's translation editor, hearing every CSP violation
(tests/security/violations.py); tests/security/test_csp_site_browser.py has
the control that proves a violation is heard.
"""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from events.factories import EventPageFactory
from practices.factories import PracticePageFactory
from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from tests.security.violations import settle, watch

pytestmark = pytest.mark.usefixtures("migrated_data_back")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """The test's output is the assertions, not an access log."""


@pytest.fixture
def frontend(tmp_path, settings):
    """A stand-in portal frontend on another local port (another origin), whose preview route the admin frames."""
    (tmp_path / "preview").mkdir()
    (tmp_path / "preview" / "index.html").write_text("<!DOCTYPE html><title>Preview</title><p>Frontend preview</p>")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    settings.FRONTEND_BASE_URL = origin
    settings.FRONTEND_PREVIEW_URL = f"{origin}/preview/index.html"
    yield origin
    server.shutdown()
    server.server_close()


@pytest.mark.django_db(transaction=True)
def test_the_admin_works_under_its_policy(browser_page, live_server, django_user_model, frontend, artifacts_dir):
    tree = build_site_tree(build_polish_tree())
    practice = PracticePageFactory(parent=tree.practices, title="Rower miejski", slug="rower-miejski")
    event = EventPageFactory(parent=tree.events, title="Wizyta studyjna", slug="wizyta-studyjna")
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    page, base = browser_page, live_server.url
    seen = watch(page)

    log_in(page, base, "admin")
    settle(page, seen)
    for url in (
        reverse("wagtailadmin_explore", args=[tree.practices.pk]),
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
        reverse("wagtailadmin_pages:add", args=["practices", "practicepage", tree.practices.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailsnippets_practices_topic:list"),
        reverse("wagtailusers_users:index"),
        reverse("wagtail_localize:submit_page_translation", args=[practice.pk]),
    ):
        page.goto(f"{base}{url}")
        settle(page, seen)

    # The preview panel frames the frontend's preview route (headless preview of the home page).
    page.goto(f"{base}{reverse('wagtailadmin_pages:edit', args=[tree.home.pk])}")
    settle(page, seen)
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe").frame_locator("iframe").get_by_text("Frontend preview")
    preview.wait_for()
    settle(page, seen)

    # A chooser modal, whose HTML arrives with inline scripts.
    page.goto(f"{base}{reverse('wagtailadmin_pages:edit', args=[practice.pk])}")
    settle(page, seen)
    page.locator("[data-chooser-action-choose]").first.click()
    page.wait_for_selector(".modal-content", state="visible")
    settle(page, seen)
    page.screenshot(path=str(artifacts_dir / "admin-under-csp.png"), full_page=True)

    # The translation editor (wagtail-localize's React app).
    page.keyboard.press("Escape")
    page.goto(f"{base}{reverse('wagtail_localize:submit_page_translation', args=[practice.pk])}")
    page.check(f"input[name=locales][value='{Locale.objects.get(language_code='cs').pk}']")
    page.click("input[type=submit][value=Submit]")
    settle(page, seen)
    translation = practice.get_translation(Locale.objects.get(language_code="cs"))
    page.goto(f"{base}{reverse('wagtailadmin_pages:edit', args=[translation.pk])}")
    page.wait_for_selector("[data-translation-review-panel]")
    settle(page, seen)

    assert seen == []
