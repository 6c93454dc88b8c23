"""The offline round trip's edges: bad files change nothing, stale strings are reported, machine marks survive."""

from io import StringIO

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.translation import override
from wagtail_localize.models import StringTranslation

from practices.factories import PracticePageFactory, TopicFactory
from practices.models import Topic
from tests.translation.conftest import czech, export, fill, fresh
from tests.translation.helpers import edit_string, submit_for_translation, translation_of


@pytest.fixture
def practice(roles, make_user, login, locale_cs):
    page = PracticePageFactory(parent=roles.practices, title="Ścieżka rowerowa", slug="sciezka", summary="Opis.")
    submit_for_translation(login(make_user("editor", "pl")), page, locale_cs)
    return page


def strings_snapshot():
    return sorted(StringTranslation.objects.values_list("context__path", "data", "translation_type"))


def run_import(path, *extra):
    out, err = StringIO(), StringIO()
    with override("en"):
        call_command("import_translations", str(path), *extra, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_export_names_object_and_field_and_goes_to_a_file(practice, tmp_path):
    path = tmp_path / "cs.po"
    call_command("export_translations", "--locale", "cs", "-o", str(path), stderr=StringIO())
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == "cs"
    entry = next(entry for entry in po if entry.msgctxt == f"practices.PracticePage:{practice.pk} summary")
    assert entry.msgid == "Opis."
    assert "field: summary" in entry.comment


def test_export_of_an_unknown_locale_is_an_error(db):
    with pytest.raises(CommandError, match="Unknown locale"):
        call_command("export_translations", "--locale", "de", stdout=StringIO())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is not a PO file\n\x00", "not a valid PO file"),
        ("", "empty"),
        ('msgid ""\nmsgstr ""\n"Language: de\\n"\n', "no known language"),
    ],
)
def test_bad_files_change_nothing(practice, tmp_path, content, message):
    before = strings_snapshot()
    path = tmp_path / "bad.po"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run_import(path)
    assert strings_snapshot() == before


def test_one_unknown_string_rejects_the_whole_file(practice, tmp_path, locale_cs):
    po = fill(export("cs"), czech)
    po.append(polib.POEntry(msgctxt="practices.PracticePage:999999 title", msgid="Nic", msgstr="Nic"))
    po.append(polib.POEntry(msgctxt=f"practices.PracticePage:{practice.pk} no_such_field", msgid="X", msgstr="Y"))
    po.append(polib.POEntry(msgctxt="gibberish", msgid="X", msgstr="Y"))
    path = tmp_path / "cs.po"
    po.save(str(path))
    before = strings_snapshot()
    with pytest.raises(CommandError) as error:
        run_import(path)
    assert "PracticePage:999999 is not being translated into this language" in str(error.value)
    assert "no such field" in str(error.value)
    assert "names no page or topic field" in str(error.value)
    assert strings_snapshot() == before
    assert fresh(practice.get_translation(locale_cs)).current_workflow_state is None


def test_a_polish_file_is_not_imported_as_czech_in_the_admin(practice, make_user, login):
    po = fill(export("cs"), czech)
    client = login(make_user("translator", "pl"))
    upload = SimpleUploadedFile("cs.po", str(po).encode())
    response = client.post(reverse("translation:files"), {"import": "1", "import-locale": "pl", "import-file": upload})
    assert response.status_code == 200
    assert "The file is for" in response.content.decode()


def test_the_admin_round_trip(practice, make_user, login, locale_cs):
    client = login(make_user("translator", "cs"))
    response = client.post(reverse("translation:files"), {"export": "1", "export-locale": "cs"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="translations-cs-')
    po = fill(polib.pofile(response.content.decode()), czech)
    upload = SimpleUploadedFile("cs.po", str(po).encode())
    response = client.post(
        reverse("translation:files"), {"import": "1", "import-locale": "cs", "import-file": upload}, follow=True
    )
    assert "1 translations submitted for review" in response.content.decode()
    assert fresh(practice.get_translation(locale_cs)).current_workflow_state is not None

    garbage = SimpleUploadedFile("x.po", b"\xff\xfe nonsense")
    response = client.post(reverse("translation:files"), {"import": "1", "import-locale": "cs", "import-file": garbage})
    assert response.status_code == 200
    assert "not UTF-8" in response.content.decode()


@pytest.mark.parametrize("review", [True, False], ids=["review", "no-review"])
def test_imported_topic_strings_enter_review_as_a_draft_unless_told_not_to(
    review, roles, make_user, login, locale_cs, tmp_path
):
    topic = TopicFactory(name="Mobilność", slug="mobility", description="Transport publiczny.")
    page = PracticePageFactory(parent=roles.practices, title="Tramwaj", slug="tramwaj", topics=[topic])
    submit_for_translation(login(make_user("editor", "pl")), page, locale_cs)
    po = fill(export("cs"), czech)
    path = tmp_path / "cs.po"
    po.save(str(path))

    out, _err = run_import(path, *([] if review else ["--no-review"]))

    topic_cs = Topic.objects.get(translation_key=topic.translation_key, locale=locale_cs)
    assert not topic_cs.live
    assert StringTranslation.objects.filter(locale=locale_cs, data=czech("Mobilność")).exists()
    if review:
        assert "2 submitted for review" in out
        assert topic_cs.get_latest_revision_as_object().name == czech("Mobilność")
        assert topic_cs.current_workflow_state.status == "in_progress"
    else:
        assert "0 submitted for review" in out
        assert topic_cs.get_latest_revision_as_object().name == "Mobilność"
        assert topic_cs.current_workflow_state is None


def test_strings_changed_since_the_export_are_reported_not_overwritten(practice, tmp_path, make_user, login, locale_cs):
    po = fill(export("cs"), czech)
    translation = translation_of(practice, locale_cs)
    edit_string(login(make_user("translator", "cs")), translation, "summary", "Popis z administrace.")
    path = tmp_path / "cs.po"
    po.save(str(path))
    _out, err = run_import(path, "--no-review")
    assert "translated in the admin since the export" in err
    kept = StringTranslation.objects.get(
        context__path="summary", locale=locale_cs, context__object_id=practice.translation_key
    )
    assert kept.data == "Popis z administrace."
    assert fresh(practice.get_translation(locale_cs)).current_workflow_state is None  # --no-review


def test_a_changed_source_text_is_reported_not_imported(practice, tmp_path, locale_cs):
    po = fill(export("cs"), czech)
    practice = fresh(practice)
    practice.summary = "Nowy opis."
    practice.save_revision().publish()
    translation_of(practice, locale_cs).source.update_from_db()
    path = tmp_path / "cs.po"
    po.save(str(path))
    _out, err = run_import(path)
    assert "source text changed since the export" in err
    assert "strings still missing, not submitted" in err


def test_machine_translations_stay_marked_until_a_person_confirms(practice, make_user, login, locale_cs, tmp_path):
    translation = translation_of(practice, locale_cs)
    client = login(make_user("translator", "cs"))
    target = practice.get_translation(locale_cs)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_pages:edit", args=[target.pk])},
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(locale=locale_cs, translation_type="machine")
    assert machine.count() > 1

    # The report and the export show the mark; exported machine strings are fuzzy.
    report = client.get(reverse("translation:status_report"), {"status": "machine"})
    assert "Ścieżka rowerowa" in report.content.decode()
    po = export("cs")
    assert all("fuzzy" in entry.flags for entry in po if entry.msgctxt.startswith("practices.PracticePage"))

    # Editing one string in the editor makes it a person's; importing an unfuzzied entry confirms it.
    edit_string(client, translation, "title", "Cyklostezka")
    assert not machine.filter(context__path="title").exists()
    entry = next(entry for entry in po if entry.msgctxt.endswith(" summary"))
    entry.flags.remove("fuzzy")
    path = tmp_path / "cs.po"
    po.save(str(path))
    out, _err = run_import(path, "--no-review")
    assert "1 machine translations confirmed" in out
    assert not machine.filter(context__path="summary").exists()

    # The rest are checked one by one on the machine strings page; then submitting for review is possible.
    page = reverse("translation:machine_strings", args=[translation.pk])
    waiting = list(machine.filter(context__object_id=practice.translation_key).values_list("pk", flat=True))
    client.post(page, {"confirm": waiting})
    assert not machine.filter(context__object_id=practice.translation_key).exists()
    client.post(reverse("translation:submit_for_review", args=[translation.pk]))
    assert fresh(target).current_workflow_state is not None


def test_an_export_after_the_source_changed_includes_its_new_texts_without_publishing(practice, tmp_path, locale_cs):
    translated = fill(export("cs"), czech)
    path = tmp_path / "cs.po"
    translated.save(str(path))
    run_import(path, "--no-review")
    target = fresh(practice.get_translation(locale_cs))
    practice = fresh(practice)
    practice.summary = "Nowy opis po polsku."
    practice.save_revision().publish()

    out, err = StringIO(), StringIO()
    call_command("export_translations", "--locale", "cs", "--only-outdated", stdout=out, stderr=err)

    assert [entry.msgid for entry in polib.pofile(out.getvalue())] == ["Nowy opis po polsku."]
    assert "Synced 1 changed sources first" in err.getvalue()
    assert fresh(practice.get_translation(locale_cs)).latest_revision_id == target.latest_revision_id
    assert not fresh(practice.get_translation(locale_cs)).live
