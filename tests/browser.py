"""Headless Chromium for admin and embedding journeys (Playwright driving Debian's /usr/bin/chromium).

Browser tests run wherever Chromium is installed; CI installs it and sets A4B_REQUIRE_BROWSER=1,
so there a missing browser fails the run instead of skipping the journeys.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


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
