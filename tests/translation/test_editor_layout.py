"""The translation editor puts the status under its header and the translator's main action first."""

import re

import pytest
from django.urls import reverse

from practices.factories import PracticePageFactory
from tests.translation.conftest import czech, fill
from tests.translation.helpers import submit_for_translation, translation_of


@pytest.fixture
def target(roles, make_user, login, locale_cs):
    practice = PracticePageFactory(parent=roles.practices, title="Park miejski", slug="park", summary="Zieleń.")
    submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)
    return practice.get_translation(locale_cs)


def editor_html(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


def test_a_translator_gets_wagtails_footer_with_submit_for_review_as_the_main_action(target, make_user, login):
    html = editor_html(login(make_user("translator", "cs")), target)

    footer = re.search(r"<footer[^>]*data-translation-footer.*?</footer>", html, re.S).group(0)
    assert footer.index("data-submit-for-review") < footer.index("</form>")
    assert "a4b-translation-layout--translator" in html
    assert html.index("data-translation-review-panel") < html.index("data-translation-footer")
    assert "translation/editor.css" in html


def test_an_editor_who_may_publish_the_complete_translation_keeps_wagtail_localizes_footer(
    target, make_user, login, locale_cs
):
    translation = translation_of(target, locale_cs)
    translation.import_po(fill(translation.export_po(), czech), tool_name="test")

    html = editor_html(login(make_user("editor", "cs")), target)

    assert "data-translation-footer" not in html
    assert "a4b-translation-layout--translator" not in html
    panel = re.search(r"<section[^>]*data-translation-review-panel.*?</section>", html, re.S).group(0)
    assert re.search(r'class="button button-secondary" data-submit-for-review', panel)
