"""Proof in a browser: another site embeds two widgets with the loader; they show the right language and fit.

A plain HTML page is served from a second localhost port (so it is another
origin than the portal), embeds a Czech list of events and a Polish practice
card through /embed.js pointing at the live test server, and is opened in
headless Chromium.
"""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Locale

from tests.api import build_content
from tests.conftest import build_polish_tree, build_site_tree

HOST_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>A partner's website</title></head>
<body style="font-family: sans-serif; max-width: 720px; margin: 2rem auto">
<h1>A partner's website</h1>
<p>Events of the Agglomerations4Borderlands project, in Czech:</p>
<div id="events">
<script src="{portal}/embed.js" data-a4b-widget="events" data-locale="cs" data-limit="5" async></script>
</div>
<p>One good practice, in Polish:</p>
<div id="practice">
<script src="{portal}/embed.js" data-a4b-widget="practice" data-locale="pl" data-id="{practice_id}" async></script>
</div>
</body>
</html>
"""


pytestmark = pytest.mark.usefixtures("migrated_data_back")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """The test's output is the assertions, not an access log."""


@pytest.fixture
def host_site(tmp_path):
    """Serves `tmp_path` on 127.0.0.1 at a free port: a different origin from the portal's live server."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def frame_height(page, selector):
    return page.eval_on_selector(selector, "frame => frame.getBoundingClientRect().height")


def content_height(page, selector):
    frame = page.query_selector(selector).content_frame()
    return frame.evaluate("Math.ceil(document.getElementById('a4b').getBoundingClientRect().height)")


@pytest.mark.django_db(transaction=True)
def test_two_widgets_on_another_site_render_in_their_language_and_fit_their_content(
    browser_page, live_server, host_site, artifacts_dir
):
    content = build_content(build_site_tree(build_polish_tree()), Locale.objects.get(language_code="cs"))
    directory, origin = host_site
    (directory / "index.html").write_text(
        HOST_PAGE.format(portal=live_server.url, practice_id=content.practice.pk), encoding="utf-8"
    )
    page = browser_page

    page.goto(f"{origin}/index.html")

    events, practice = "#events iframe.a4b-widget", "#practice iframe.a4b-widget"
    page.wait_for_selector(events)
    page.wait_for_selector(practice)
    events_frame = page.frame_locator(events)
    practice_frame = page.frame_locator(practice)
    assert events_frame.locator("h1").inner_text() == "Nadcházející akce"
    assert "Setkání sítě" in events_frame.locator("main").inner_text()
    assert events_frame.locator("html").get_attribute("lang") == "cs"
    assert practice_frame.locator("h1").inner_text() == "Wspólny bilet"
    assert "Więcej w portalu" in practice_frame.locator("main").inner_text()
    assert practice_frame.locator("html").get_attribute("lang") == "pl"

    # Each iframe takes its widget's height (the loader starts them at 150px).
    for selector in (events, practice):
        target = content_height(page, selector)
        page.wait_for_function(
            "([selector, height]) => document.querySelector(selector).getBoundingClientRect().height === height",
            arg=[selector, target],
        )
    sizes = {selector: frame_height(page, selector) for selector in (events, practice)}
    assert sizes[events] != sizes[practice]
    assert all(height != 150 for height in sizes.values())

    # A full-page capture stretches the viewport, which headless Chromium paints blank below the
    # first cross-origin frame; a viewport as tall as the page shows both widgets as a reader sees them.
    page.set_viewport_size({"width": 1280, "height": page.evaluate("document.documentElement.scrollHeight")})
    page.screenshot(path=str(artifacts_dir / "embeds-two-widgets.png"))

    # A message from the host page itself is not the widget's: it must not resize anything.
    page.evaluate("window.postMessage({type: 'a4b:resize', height: 999}, '*')")
    page.wait_for_timeout(300)
    assert {selector: frame_height(page, selector) for selector in (events, practice)} == sizes
