"""The translators' dashboard queue: their languages' translations with work left, newest first."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from practices.factories import PracticePageFactory
from tests.translation.conftest import czech, fill
from tests.translation.helpers import submit_for_translation, translation_of


@pytest.fixture
def submitted(roles, make_user, login, locale_cs):
    """Two practices submitted for Czech translation, the second later."""
    editor = login(make_user("editor", "pl"))
    older = PracticePageFactory(parent=roles.practices, title="Park miejski", slug="park", summary="Zieleń.")
    newer = PracticePageFactory(parent=roles.practices, title="Rower miejski", slug="rower", summary="Rowery.")
    for practice in (older, newer):
        submit_for_translation(editor, practice, locale_cs)
    return older, newer


def queue(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    if "data-translation-queue" not in html:
        return None
    return html.split("data-translation-queue", 1)[1].split("</table>", 1)[0]


def test_a_translator_sees_new_work_newest_first_with_counts_and_links(submitted, make_user, login, locale_cs):
    older, newer = submitted
    listed = queue(login(make_user("translator", "cs")))

    assert listed.index("Rower miejski") < listed.index("Park miejski")
    assert "0 z " in listed or "0 of " in listed
    for practice in (older, newer):
        target = practice.get_translation(locale_cs)
        assert reverse("wagtailadmin_pages:edit", args=[target.pk]) in listed


def test_a_finished_translation_leaves_the_queue_and_machine_strings_keep_it_there(
    submitted, make_user, login, locale_cs
):
    older, newer = submitted
    translator = login(make_user("translator", "cs"))
    finished = translation_of(older, locale_cs)
    finished.import_po(fill(finished.export_po(), czech), tool_name="test")
    machine = translation_of(newer, locale_cs)
    machine.import_po(fill(machine.export_po(), czech), tool_name="test")
    StringTranslation.objects.filter(context__object__in=[machine.source.object]).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )

    listed = queue(translator)

    assert "Park miejski" not in listed
    assert "Rower miejski" in listed


@pytest.mark.parametrize(("role", "code"), [("editor", "pl"), ("reviewer", "cs"), ("translator", "pl")])
def test_only_translators_of_that_language_see_it(submitted, make_user, login, role, code):
    listed = queue(login(make_user(role, code, username=f"other-{role}-{code}")))

    assert listed is None or "Rower miejski" not in listed
