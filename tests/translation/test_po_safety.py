"""Uploaded PO files are untrusted: parsed as text, never read from a path, bounded, for the user's languages only."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Site
from wagtail_localize.models import StringTranslation

from practices.factories import PracticePageFactory, TopicFactory
from practices.models import Topic
from tests.translation.conftest import czech, export, fill, polish
from tests.translation.helpers import submit_for_translation, submit_snippet_for_translation, translation_of
from translation.po import MAX_ENTRIES, ImportRejected, import_po, parse_po


@pytest.fixture
def practice(roles, make_user, login, locale_cs):
    page = PracticePageFactory(parent=roles.practices, title="Ścieżka rowerowa", slug="sciezka", summary="Opis.")
    submit_for_translation(login(make_user("editor", "pl")), page, locale_cs)
    return page


def upload(client, content, locale="cs"):
    file = SimpleUploadedFile("strings.po", content if isinstance(content, bytes) else content.encode())
    return client.post(reverse("translation:files"), {"import": "1", "import-locale": locale, "import-file": file})


def form_errors(response, field="file"):
    assert response.status_code == 200
    return list(response.context["import_form"].errors.get(field, []))


def stored():
    return sorted(StringTranslation.objects.values_list("context__path", "locale__language_code", "data"))


def po_with(entries, language="cs"):
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": language, "Content-Type": "text/plain; charset=utf-8"}
    for msgctxt, msgid, msgstr in entries:
        po.append(polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=msgstr))
    return str(po)


def test_an_upload_whose_content_is_a_path_is_parsed_as_text_never_read_from_disk(practice, make_user, login, tmp_path):
    # A complete, valid translation lies on the server's disk; the upload only names it.
    on_disk = tmp_path / "cs.po"
    fill(export("cs"), czech).save(str(on_disk))
    client = login(make_user("translator", "cs"))
    before = stored()

    for content in (str(on_disk), "/etc/passwd"):
        errors = form_errors(upload(client, content))
        assert errors, content
        assert all("Česky" not in error and "root:" not in error and content not in error for error in errors)
        assert stored() == before

    with pytest.raises(ImportRejected):
        parse_po(str(on_disk).encode())
    with pytest.raises(ImportRejected):
        parse_po(str(on_disk))


def test_a_valid_upload_is_still_parsed(practice):
    po = parse_po(po_with([("practices.PracticePage:1 title", "Tytuł", "Název")]).encode())
    assert [(entry.msgctxt, entry.msgstr) for entry in po] == [("practices.PracticePage:1 title", "Název")]
    assert po.metadata["Language"] == "cs"


def test_strings_of_models_that_are_not_translated_are_refused_alike_whether_the_object_exists_or_not(
    practice, make_user, login, roles
):
    translator = make_user("translator", "cs")
    client = login(translator)
    untranslated = PracticePageFactory(parent=roles.practices, title="Nieprzetłumaczona", slug="nie")
    existing_and_missing = [
        (f"auth.User:{translator.pk}", "auth.User:999999"),
        (f"wagtailcore.Site:{Site.objects.get().pk}", "wagtailcore.Site:999999"),
        (f"practices.PracticePage:{untranslated.pk}", "practices.PracticePage:999999"),
        ("webhooks.WebhookEndpoint:1", "webhooks.WebhookEndpoint:999999"),
        ("auth.User:not-a-number", "nosuchapp.Model:1"),
    ]
    before = stored()
    for existing, missing in existing_and_missing:
        answers = []
        for label in (existing, missing):
            response = upload(client, po_with([(f"{label} name", "x", "y")]))
            errors = form_errors(response)
            assert len(errors) == 1, errors
            answers.append(errors[0].replace(label, "<object>"))
        assert answers[0] == answers[1], (existing, missing)
        assert "is not being translated into this language" in answers[0]
    assert stored() == before


def test_a_file_over_the_entry_cap_is_refused_with_a_clear_message(practice, make_user, login):
    client = login(make_user("translator", "cs"))
    label = f"practices.PracticePage:{practice.pk}"
    too_many = po_with([(f"{label} field_{n}", f"tekst {n}", f"text {n}") for n in range(MAX_ENTRIES + 1)])
    before = stored()

    errors = form_errors(upload(client, too_many))

    assert errors == [
        f"The file holds more than {MAX_ENTRIES} strings, more than one upload may import. Export only the "
        "translations that are out of date, or split the file; an administrator can import any size with "
        "manage.py import_translations."
    ]
    assert stored() == before
    # At the cap the file is read entry by entry (and refused here for its made-up fields, not its size).
    at_cap = po_with([(f"{label} field_{n}", f"tekst {n}", f"text {n}") for n in range(MAX_ENTRIES)])
    errors = form_errors(upload(client, at_cap))
    assert "more than" not in errors[0]
    assert "no such field" in errors[0]


def test_the_command_line_has_no_cap(practice):
    label = f"practices.PracticePage:{practice.pk}"
    too_many = po_with([(f"{label} field_{n}", "a", "b") for n in range(MAX_ENTRIES + 1)])
    with override("en"), pytest.raises(ImportRejected) as rejected:
        import_po(too_many.encode())
    assert "no such field" in rejected.value.errors[0]


@pytest.fixture
def czech_topic_into_polish(roles, make_user, login, locale_cs, locale_pl):
    """A topic written in Czech, sent for translation into Polish by a Czech editor."""
    topic = TopicFactory(name="Voda", slug="voda", locale=locale_cs)
    submit_snippet_for_translation(login(make_user("editor", "cs")), topic, locale_pl)
    return topic


def test_a_file_for_another_language_than_the_users_is_refused(czech_topic_into_polish, make_user, login, locale_pl):
    po = str(fill(export("pl"), polish))
    assert "Po polsku: Voda" in po
    before = stored()

    czech_translator = make_user("translator", "cs")
    errors = form_errors(upload(login(czech_translator), po, locale="pl"), field="locale")
    assert errors == ["You do not work on translations into this language."]
    with override("en"), pytest.raises(ImportRejected) as rejected:
        import_po(po.encode(), user=czech_translator)
    assert rejected.value.errors == ["The file is for Polski, and you do not work on translations into it."]
    assert stored() == before
    topic_pl = Topic.objects.get(translation_key=czech_topic_into_polish.translation_key, locale=locale_pl)
    assert topic_pl.current_workflow_state is None

    response = upload(login(make_user("translator", "pl")), po, locale="pl")
    assert response.status_code == 302
    assert StringTranslation.objects.filter(locale=locale_pl, data="Po polsku: Voda").exists()


def test_an_upload_completing_more_pages_than_one_request_may_review_is_refused(
    roles, make_user, login, locale_cs, monkeypatch
):
    monkeypatch.setattr("translation.po_views.MAX_REVIEWS", 1)
    editor = login(make_user("editor", "pl"))
    for slug in ("pierwsza", "druga"):
        submit_for_translation(editor, PracticePageFactory(parent=roles.practices, slug=slug), locale_cs)
    po = str(fill(export("cs"), czech))
    client = login(make_user("translator", "cs"))
    before = stored()

    errors = form_errors(upload(client, po))

    assert errors == [
        "The file completes more than 1 pages and topics, more than one upload may submit for review. Tick 'Only "
        "store the strings' and submit them from the translation editor, or split the file; an administrator can "
        "import any size with manage.py import_translations."
    ]
    assert stored() == before
    file = SimpleUploadedFile("strings.po", po.encode())
    response = client.post(
        reverse("translation:files"),
        {"import": "1", "import-locale": "cs", "import-no_review": "on", "import-file": file},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(locale=locale_cs, data="Česky: Krótki opis praktyki.").count() == 2


def test_strings_that_break_the_source_markup_are_stored_marked_and_reported(practice, locale_cs):
    practice.challenge = '<p>Zobacz <a href="https://example.org/">stronę</a>.</p>'
    practice.save_revision().publish()
    translation_of(practice, locale_cs).source.update_from_db()
    po = fill(export("cs"), czech)
    entry = next(entry for entry in po if " challenge" in entry.msgctxt)
    entry.msgstr = 'Viz <a id="a9">stránku</a>.'

    with override("en"):
        result = import_po(str(po).encode(), review=False)

    assert any("the translation is not valid" in warning for warning in result.warnings)
    marked = StringTranslation.objects.get(locale=locale_cs, context__path__startswith="challenge")
    assert (marked.data, marked.has_error) == ('Viz <a id="a9">stránku</a>.', True)
    assert not StringTranslation.objects.filter(locale=locale_cs, has_error=True).exclude(pk=marked.pk).exists()
