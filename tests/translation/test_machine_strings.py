"""Machine translations are confirmed string by string after being read; reviewers see which were machine-made."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from practices.factories import PracticePageFactory
from tests.translation.helpers import submit_for_translation, translation_of
from translation.machine import CONFIRMED_MARK


@pytest.fixture
def machine_translated(roles, make_user, login, locale_cs):
    """A practice submitted for Czech and machine-translated by the Czech translator: (translation, client)."""
    practice = PracticePageFactory(
        parent=roles.practices, title="Park miejski", slug="park", summary="Zieleń w mieście."
    )
    submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)
    translation = translation_of(practice, locale_cs)
    translator = login(make_user("translator", "cs"))
    translator.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    return translation, translator


def machine_rows(translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    )


def test_the_page_shows_each_machine_string_beside_its_source(machine_translated):
    translation, translator = machine_translated

    html = translator.get(reverse("translation:machine_strings", args=[translation.pk])).content.decode()

    waiting = machine_rows(translation).filter(translation_type="machine")
    assert waiting.count() > 1
    for row in waiting:
        assert f'value="{row.pk}"' in html
    assert "Zieleń w mieście." in html


def test_only_the_ticked_strings_are_confirmed_and_keep_the_machines_name(machine_translated):
    translation, translator = machine_translated
    first, *rest = machine_rows(translation).filter(translation_type="machine").order_by("pk")

    response = translator.post(reverse("translation:machine_strings", args=[translation.pk]), {"confirm": [first.pk]})

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.translation_type == "manual"
    assert first.tool_name.startswith(CONFIRMED_MARK)
    assert all(
        row.translation_type == "machine" for row in StringTranslation.objects.filter(pk__in=[r.pk for r in rest])
    )


def test_nothing_ticked_confirms_nothing_and_says_so(machine_translated):
    translation, translator = machine_translated
    before = machine_rows(translation).filter(translation_type="machine").count()

    response = translator.post(
        reverse("translation:machine_strings", args=[translation.pk]), {"confirm": ["x", "999999"]}, follow=True
    )

    assert machine_rows(translation).filter(translation_type="machine").count() == before
    assert "Tick the strings" in response.content.decode()


def test_the_bulk_confirm_is_gone(machine_translated):
    translation, translator = machine_translated
    target = translation.get_target_instance()

    editor = translator.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()

    assert "Confirm machine translations" not in editor
    assert reverse("translation:machine_strings", args=[translation.pk]) in editor


@pytest.mark.parametrize(("role", "code"), [("translator", "pl"), ("editor", "pl"), ("reviewer", "pl")])
def test_others_may_neither_confirm_nor_read_outside_a_review(machine_translated, make_user, login, role, code):
    translation, _translator = machine_translated
    client = login(make_user(role, code, username=f"other-{role}-{code}"))
    url = reverse("translation:machine_strings", args=[translation.pk])
    waiting = list(machine_rows(translation).filter(translation_type="machine").values_list("pk", flat=True))

    assert client.get(url).status_code in (302, 403)
    client.post(url, {"confirm": waiting})

    assert machine_rows(translation).filter(translation_type="machine").count() == len(waiting)


def test_the_reviewer_sees_which_strings_were_machine_made(machine_translated, make_user, login):
    translation, translator = machine_translated
    url = reverse("translation:machine_strings", args=[translation.pk])
    waiting = list(machine_rows(translation).filter(translation_type="machine").values_list("pk", flat=True))
    translator.post(url, {"confirm": waiting})
    translator.post(reverse("translation:submit_for_review", args=[translation.pk]))
    reviewer = login(make_user("reviewer", "cs"))

    html = reviewer.get(url).content.decode()

    assert "Machine-made, confirmed by a person" in html
    assert "translator-cs" in html
    assert 'name="confirm"' not in html


def test_the_confirmed_mark_is_a_sign_not_an_english_word(machine_translated):
    translation, translator = machine_translated
    first = machine_rows(translation).filter(translation_type="machine").order_by("pk").first()
    translator.post(reverse("translation:machine_strings", args=[translation.pk]), {"confirm": [first.pk]})
    first.refresh_from_db()
    assert first.tool_name == f"✓ {first.tool_name.removeprefix('✓ ')}"
    assert "confirmed" not in first.tool_name


def test_strings_confirmed_under_the_old_english_prefix_get_the_mark(machine_translated):
    translation, _translator = machine_translated
    row = machine_rows(translation).first()
    StringTranslation.objects.filter(pk=row.pk).update(translation_type="manual", tool_name="confirmed: Dummy")

    import_module("translation.migrations.0002_confirmed_mark").to_mark(django_apps, schema_editor=None)

    row.refresh_from_db()
    assert row.tool_name == "✓ Dummy"


def test_fields_are_named_as_editors_know_them_in_the_admins_language(machine_translated):
    translation, translator = machine_translated

    html = translator.get(reverse("translation:machine_strings", args=[translation.pk])).content.decode()

    assert "<td>Summary</td>" in html
    assert "<code>summary</code>" not in html
