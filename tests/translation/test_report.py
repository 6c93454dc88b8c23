"""The translation status report: progress, freshness, review state and people; filters; CSV."""

import csv
import io

from django.urls import reverse
from django.utils.translation import override

from practices.factories import PracticePageFactory, TopicFactory
from tests.translation.helpers import (
    edit_string,
    submit_for_translation,
    submit_snippet_for_translation,
    translation_of,
    workflow_action,
)
from tests.translation.test_permissions import fill_all
from translation.review import submit_for_review


def test_rows_say_how_far_each_translation_is_and_who_worked_on_it(roles, make_user, login, locale_cs):
    editor = login(make_user("editor", "pl"))
    waiting = PracticePageFactory(parent=roles.practices, title="Czeka na tłumacza", slug="czeka")
    reviewed = PracticePageFactory(parent=roles.practices, title="Do przeglądu", slug="przeglad")
    for page in (waiting, reviewed):
        submit_for_translation(editor, page, locale_cs)
    translator = make_user("translator", "cs")
    translation = translation_of(reviewed, locale_cs)
    fill_all(translation, translator)
    edit_string(login(translator), translation, "title", "K revizi")
    submit_for_review(translation, translator)
    workflow_action(login(make_user("reviewer", "cs")), reviewed.get_translation(locale_cs), "reject", "Doplnit.")

    client = login(make_user("translator", "cs", username="reader"))
    url = reverse("translation:status_report")
    page = client.get(url).content.decode()
    assert "Czeka na tłumacza" in page and "Do przeglądu" in page

    only_waiting = client.get(url, {"status": "incomplete", "target_locale": locale_cs.pk}).content.decode()
    assert "Czeka na tłumacza" in only_waiting and "Do przeglądu" not in only_waiting
    needs_changes = client.get(url, {"status": "needs_changes"}).content.decode()
    assert "Do przeglądu" in needs_changes and "Czeka na tłumacza" not in needs_changes

    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    with override("en"):  # the CSV streams after the view, in the server's language
        text = b"".join(response.streaming_content).decode()
    rows = {row["Title"]: row for row in csv.DictReader(io.StringIO(text))}
    row = rows["Do przeglądu"]
    assert row["Language"] == "cs"
    assert row["Translated strings"] == row["Total strings"]
    assert row["Status"] == "Changes requested"
    assert row["Last translator"] == "translator-cs"
    assert row["Last reviewer"] == "reviewer-cs"
    assert row["Reviewer's comment"] == "Doplnit."
    assert rows["Czeka na tłumacza"]["Translated strings"] == "0"
    assert rows["Czeka na tłumacza"]["Status"] == "Strings missing"


def test_topic_translations_show_their_review_state(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Zieleń miejska", slug="zielen")
    submit_snippet_for_translation(login(make_user("editor", "pl")), topic, locale_cs)
    translation = translation_of(topic, locale_cs)
    translator = make_user("translator", "cs")
    fill_all(translation, translator)
    submit_for_review(translation, translator)

    client = login(make_user("translator", "cs", username="reader"))
    url = reverse("translation:status_report")
    assert "Zieleń miejska" in client.get(url, {"status": "in_review"}).content.decode()
    assert "Zieleń miejska" not in client.get(url, {"status": "up_to_date"}).content.decode()


def test_a_complete_topic_translation_is_up_to_date_only_once_approved(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Woda w mieście", slug="woda")
    submit_snippet_for_translation(login(make_user("editor", "pl")), topic, locale_cs)
    translation = translation_of(topic, locale_cs)
    translator = make_user("translator", "cs")
    fill_all(translation, translator)
    client = login(make_user("translator", "cs", username="reader"))
    url = reverse("translation:status_report")

    never_submitted = client.get(url, {"status": "out_of_date"}).content.decode()
    assert "Woda w mieście" in never_submitted
    assert "Woda w mieście" not in client.get(url, {"status": "up_to_date"}).content.decode()

    submit_for_review(translation, translator)
    workflow_action(login(make_user("reviewer", "cs")), topic.get_translation(locale_cs), "approve")

    assert "Woda w mieście" in client.get(url, {"status": "up_to_date"}).content.decode()
