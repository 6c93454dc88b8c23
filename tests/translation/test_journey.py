"""The whole journey in both directions: an editor submits, a translator works offline with a PO file,
a reviewer requests changes and then approves, and the public API shows the translation only after approval.
Then the source changes, and nothing untranslated reaches the other language."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from practices.factories import PracticePageFactory, TopicFactory
from practices.models import Topic
from tests.translation.conftest import czech, export, fill, fresh, polish
from tests.translation.helpers import (
    api_ids,
    edit_string,
    submit_for_translation,
    translation_of,
    workflow_action,
)

DIRECTIONS = {
    "pl-to-cs": ("pl", "cs", czech, "Odnowa rynku w Opolu", "odnowa-rynku"),
    "cs-to-pl": ("cs", "pl", polish, "Obnova náměstí v Olomouci", "obnova-namesti"),
}


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_translation_goes_live_only_after_review(direction, roles, make_user, login, client, tmp_path):
    source_code, target_code, translate, title, slug = DIRECTIONS[direction]
    source_locale, target_locale = (Locale.objects.get(language_code=code) for code in (source_code, target_code))
    parent = roles.practices if source_code == "pl" else roles.practices_cs
    topic = TopicFactory(locale=source_locale, name=f"Mobilność {source_code}", slug="mobilita")
    practice = PracticePageFactory(parent=parent, title=title, slug=slug, summary="Krótki opis.", topics=[topic])
    assert practice.locale == source_locale

    # 1. The editor of the source locale submits it (its topic goes along).
    response = submit_for_translation(login(make_user("editor", source_code)), practice, target_locale)
    assert response.status_code == 302
    target = practice.get_translation(target_locale).specific
    assert not target.live
    assert Topic.objects.filter(translation_key=topic.translation_key, locale=target_locale).exists()

    # 2. The translator works offline: export, translate with polib, import.
    po = export(target_code)
    contexts = {entry.msgctxt for entry in po}
    assert f"practices.PracticePage:{practice.pk} title" in contexts
    assert f"practices.Topic:{topic.pk} name" in contexts
    path = tmp_path / f"{target_code}.po"
    fill(po, translate).save(str(path))
    call_command("import_translations", str(path), stdout=StringIO())

    target = fresh(target)
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not target.live
    assert target.get_latest_revision_as_object().title == translate(title)
    topic_target = Topic.objects.get(translation_key=topic.translation_key, locale=target_locale)
    assert topic_target.get_latest_revision_as_object().name == translate(topic.name)
    assert topic_target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not topic_target.live
    assert target.pk not in api_ids(client, "practices", target_code)

    # 3. The reviewer requests changes; the translator sees why in the translation editor.
    reviewer = make_user("reviewer", target_code)
    assert workflow_action(login(reviewer), target, "reject", "Tytuł jest za długi.").status_code == 200
    assert fresh(target).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    translator = make_user("translator", target_code)
    page = login(translator).get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert page.status_code == 200
    assert "Tytuł jest za długi." in page.content.decode()

    # 4. The translator corrects a string and submits again.
    translation = translation_of(practice, target_locale)
    assert edit_string(client, translation, "title", translate("Krótszy tytuł")).status_code == 200
    response = client.post(reverse("translation:submit_for_review", args=[translation.pk]))
    assert response.status_code == 302
    assert fresh(target).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not fresh(target).live

    # 5. The reviewer approves: the translation is live, and the API says it is complete and current.
    assert workflow_action(login(reviewer), target, "approve").status_code == 200
    target = fresh(target)
    assert target.live
    assert target.title == translate("Krótszy tytuł")
    item = api_ids(client, "practices", target_code)[target.pk]
    assert item["translation"] == {
        "source_locale": source_code,
        "is_source": False,
        "complete": True,
        "up_to_date": True,
    }
    source_item = api_ids(client, "practices", source_code)[practice.pk]
    assert source_item["translation"]["is_source"] is True


def test_a_changed_source_is_flagged_and_its_new_text_never_goes_live_untranslated(
    roles, make_user, login, client, locale_cs, tmp_path
):
    practice = PracticePageFactory(parent=roles.practices, title="Rower miejski", slug="rower", summary="Stary opis.")
    submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)
    path = tmp_path / "cs.po"
    fill(export("cs"), czech).save(str(path))
    call_command("import_translations", str(path), stdout=StringIO())
    target = practice.get_translation(locale_cs).specific
    workflow_action(login(make_user("reviewer", "cs")), target, "approve")
    assert api_ids(client, "practices", "cs")[target.pk]["translation"]["up_to_date"] is True

    # The Polish editor changes the summary and publishes: the Czech page is flagged, not changed.
    practice = fresh(practice)
    practice.summary = "Nowy opis po polsku."
    practice.save_revision().publish()
    item = api_ids(client, "practices", "cs")[target.pk]
    assert item["translation"]["up_to_date"] is False
    assert item["summary"] == czech("Stary opis.")

    # Syncing brings the new string to translators but publishes nothing, even when asked to.
    editor_pl = login(make_user("editor", "pl", username="editor-pl-2"))
    source = translation_of(practice, locale_cs).source
    response = editor_pl.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )
    assert response.status_code == 302
    assert fresh(target).summary == czech("Stary opis.")
    assert api_ids(client, "practices", "cs")[target.pk]["translation"]["complete"] is False
    outdated = export("cs", "--only-outdated")
    assert [entry.msgid for entry in outdated] == ["Nowy opis po polsku."]

    # A Czech editor may publish translations, but not one with missing strings.
    editor_cs = login(make_user("editor", "cs", username="editor-cs-2"))
    response = editor_cs.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    assert fresh(target).summary == czech("Stary opis.")
    assert "Nowy opis po polsku." not in str(api_ids(client, "practices", "cs")[target.pk])

    # Once translated and approved, it is current again; while in review, readers keep the approved text.
    entry = outdated[0]
    entry.msgstr = "Nový popis česky."
    path.write_text(str(outdated), encoding="utf-8")
    call_command("import_translations", str(path), stdout=StringIO())
    assert fresh(target).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert api_ids(client, "practices", "cs")[target.pk]["summary"] == czech("Stary opis.")
    workflow_action(login(make_user("reviewer", "cs", username="reviewer-cs-2")), target, "approve")
    item = api_ids(client, "practices", "cs")[target.pk]
    assert item["summary"] == "Nový popis česky."
    assert item["translation"]["up_to_date"] is True
