"""The editor's view of slugs: typing a Polish title in the admin fills an ASCII slug."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree

pytestmark = pytest.mark.usefixtures("migrated_data_back")


@pytest.mark.django_db(transaction=True)
def test_a_polish_title_with_a_dash_fills_a_readable_slug(browser_page, live_server, django_user_model):
    tree = build_polish_tree()
    django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    page, base = browser_page, live_server.url
    log_in(page, base, "admin")

    page.goto(f"{base}{reverse('wagtailadmin_pages:add', args=['practices', 'practicepage', tree.practices.pk])}")
    page.locator("#id_title").press_sequentially("Wspólna sieć Opole–Ołomuniec")
    page.locator("#id_title").blur()

    # Playwright's own assertion polls without eval, which the admin's CSP forbids.
    expect(page.locator("#id_slug")).to_have_value("wspolna-siec-opole-olomuniec", timeout=5000)
