"""The site's own HTML under its strict Content-Security-Policy, in a real browser: the API docs and a fallback page.

Both must work with no violation heard; an injected inline script must be
refused, and heard, which proves the policy is enforced and that the
listener the admin journey relies on works.
"""

import pytest
from django.urls import reverse

from tests.conftest import build_polish_tree
from tests.security.violations import settle, watch

pytestmark = pytest.mark.usefixtures("migrated_data_back")

INJECT = """() => { const script = document.createElement('script');
    script.textContent = 'window.__injected = true'; document.head.appendChild(script);
    return window.__injected === true; }"""


@pytest.mark.django_db(transaction=True)
def test_the_api_docs_and_a_fallback_page_work_and_an_injected_script_is_refused(browser_page, live_server):
    build_polish_tree()
    page, base = browser_page, live_server.url
    seen = watch(page)

    page.goto(f"{base}{reverse('api-docs')}")
    page.wait_for_selector(".swagger-ui .info .title")
    page.get_by_text("/api/v2/practices/", exact=True).first.wait_for()
    settle(page, seen)
    title = page.inner_text(".swagger-ui .info .title")
    page.goto(f"{base}/")
    settle(page, seen)
    styled = page.evaluate("getComputedStyle(document.body).maxWidth")
    clean = list(seen)

    ran = page.evaluate(INJECT)
    settle(page, seen)

    assert "Agglomerations4Borderlands public API" in title
    assert styled != "none"
    assert clean == []
    assert ran is False
    assert any("script-src" in text for text in seen)
