"""Autosave on a new page that cannot be saved yet: a few background saves, not one per pause in typing.

A new practice page with only a title is refused by validation (its required
parts are empty), as the editor's page was when it sent 70 background POSTs.
The editor types in bursts with short pauses, as people do; the test counts
the autosave POSTs the browser sends.
"""

import time

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree
from translation.roles import group_name, setup_roles

pytestmark = pytest.mark.usefixtures("migrated_data_back")

#: Bursts of slow typing, each followed by a pause; with Wagtail's default interval (0.5 s) this
#: sent 12 refused saves, about one per second of typing.
BURSTS = ["Nowa ", "praktyka ", "w Opolu ", "i Ołomuńcu"]
PAUSE = 4.0
KEY_DELAY_MS = 700


@pytest.mark.django_db(transaction=True)
def test_an_invalid_new_page_sends_few_autosaves(browser_page, live_server, django_user_model, artifacts_dir):
    tree = build_polish_tree()
    setup_roles()
    editor = django_user_model.objects.create_user("editor-pl", "editor-pl@example.org", PASSWORD)
    editor.groups.add(Group.objects.get(name=group_name("editor", "pl")))
    page, base = browser_page, live_server.url
    log_in(page, base, "editor-pl")
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", tree.practices.pk])
    autosaves = []

    def count_autosave(response):
        if response.request.method == "POST" and add_url in response.url:
            autosaves.append(response.status)

    page.on("response", count_autosave)

    page.goto(f"{base}{add_url}")
    form = page.locator("form[data-w-autosave-interval-value]")
    assert form.get_attribute("data-w-autosave-interval-value") == "3000"
    started = time.monotonic()
    for burst in BURSTS:
        page.locator("#id_title").press_sequentially(burst, delay=KEY_DELAY_MS)
        page.wait_for_timeout(PAUSE * 1000)
    page.locator("#id_title").press_sequentially(".", delay=KEY_DELAY_MS)
    page.wait_for_timeout(8000)
    elapsed = time.monotonic() - started
    page.screenshot(path=str(artifacts_dir / "autosave-paused.png"), full_page=False)

    # Refused, as the form is invalid: the premise of the test.
    assert autosaves and set(autosaves) == {400}
    # A save waits for 3 s without changes, and twice as long after each refusal: at most 3 s, 6 s,
    # 12 s, 24 s apart over the ~45 s of this test.
    assert len(autosaves) <= 4, (len(autosaves), round(elapsed))
    # Each refusal doubled the wait before the next try, and meanwhile the header says autosave is paused.
    assert int(form.get_attribute("data-w-autosave-interval-value")) >= 6000
    assert page.get_attribute("#w-autosave-indicator", "data-w-autosave-state-value") == "paused"
