"""Topics go through review like pages: a topic translation reaches readers only after its reviewer approves it.

Readers meet topics in the API's topic list and practice items, in feeds, in
the embeddable widgets and in search facets; a topic translation stays out of
all of them until approval, in both directions (PL→CS and CS→PL).
"""

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from practices.factories import PracticePageFactory, TopicFactory
from practices.models import Topic
from tests.translation.conftest import czech, polish
from tests.translation.helpers import (
    api_ids,
    click_submit_for_review,
    edit_string,
    snippet_url,
    submit_for_translation,
    submit_snippet_for_translation,
    translation_of,
    workflow_action,
)
from tests.utils import translate
from translation.roles import workflow_name

DIRECTIONS = {
    "pl-to-cs": ("pl", "cs", czech, "Rewitalizacja", "Odnowa śródmieść.", "Park miejski"),
    "cs-to-pl": ("cs", "pl", polish, "Revitalizace", "Obnova center měst.", "Městský park"),
}


def fresh(topic):
    return Topic.objects.get(pk=topic.pk)


def topic_in(locale, source):
    return Topic.objects.get(translation_key=source.translation_key, locale=locale)


def publish_translation(instance, locale, translate_text):
    """The complete translation of `instance`, published at once (as an editor of `locale` may); returns it."""
    translation = translation_of(instance, locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = entry.msgstr or translate_text(entry.msgid)
    assert not translation.import_po(po, tool_name="tests")
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return instance.get_translation(locale).specific


def topic_names_seen_by_readers(practice, code):
    """Every topic name a reader of `code` meets, per surface, for the live practice `practice`."""
    reader = Client()
    search = reader.get("/api/v2/search/", {"q": "park", "locale": code}).json()
    assert [result["id"] for result in search["results"]] == [practice.pk]
    return {
        "topic list": {topic["name"] for topic in reader.get("/api/v2/topics/", {"locale": code}).json()},
        "practice list": {topic["name"] for topic in api_ids(reader, "practices", code)[practice.pk]["topics"]},
        "practice": {topic["name"] for topic in reader.get(f"/api/v2/practices/{practice.pk}/").json()["topics"]},
        "search facets": {facet["label"] for facet in search["facets"]["topic"]},
        "feed": reader.get(f"/feeds/{code}/practices.rss").content.decode(),
        "widget": reader.get(f"/embed/{code}/practice/{practice.pk}/").content.decode(),
        "list widget": reader.get(f"/embed/{code}/practices/").content.decode(),
    }


def surfaces_showing(names, practice, code):
    """The reader surfaces of `code` on which any of `names` appears."""
    return {
        surface
        for surface, seen in topic_names_seen_by_readers(practice, code).items()
        if any(name in seen for name in names)
    }


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_a_topic_translation_reaches_readers_only_after_review(direction, roles, make_user, login, client):
    source_code, target_code, translate_text, name, description, title = DIRECTIONS[direction]
    source_locale, target_locale = (Locale.objects.get(language_code=code) for code in (source_code, target_code))
    parent = roles.practices if source_code == "pl" else roles.practices_cs
    topic = TopicFactory(locale=source_locale, name=name, slug="revitalisation", description=description)
    practice = PracticePageFactory(parent=parent, title=title, slug="park", topics=[topic])

    # The source's editor submits the practice; its topic goes along, as a draft holding the source text.
    assert submit_for_translation(login(make_user("editor", source_code)), practice, target_locale).status_code == 302
    topic_target = topic_in(target_locale, topic)
    assert not topic_target.live
    assert topic_target.name == name
    practice_target = publish_translation(practice, target_locale, translate_text)
    assert [link.topic_id for link in practice_target.topic_links.all()] == [topic_target.pk]
    every_name = {name, translate_text(name), translate_text("Krótsza nazwa")}
    assert surfaces_showing(every_name, practice_target, target_code) == set()

    # The translator fills the strings and submits: the topic waits in its locale's review workflow, unseen.
    translator = make_user("translator", target_code)
    translation = translation_of(topic, target_locale)
    login(translator)
    assert edit_string(client, translation, "name", translate_text(name)).status_code == 201
    assert edit_string(client, translation, "description", translate_text(description)).status_code == 201
    assert click_submit_for_review(client, translation).status_code == 302
    state = fresh(topic_target).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == workflow_name(target_code)
    assert not fresh(topic_target).live
    assert surfaces_showing(every_name, practice_target, target_code) == set()

    # The reviewer requests changes; the translator reads why in the translation editor.
    reviewer = make_user("reviewer", target_code)
    assert workflow_action(login(reviewer), topic_target, "reject", "Příliš dlouhý název.").status_code == 200
    assert fresh(topic_target).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    editor_page = login(translator).get(snippet_url(topic_target, "edit"))
    assert editor_page.status_code == 200
    assert "Příliš dlouhý název." in editor_page.content.decode()
    assert "data-submit-for-review" in editor_page.content.decode()
    assert "data-submit-for-review disabled" not in editor_page.content.decode()
    assert surfaces_showing(every_name, practice_target, target_code) == set()

    # The translator corrects the name and submits again.
    assert edit_string(client, translation, "name", translate_text("Krótsza nazwa")).status_code == 200
    assert click_submit_for_review(client, translation).status_code == 302
    assert fresh(topic_target).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert surfaces_showing(every_name, practice_target, target_code) == set()

    # The reviewer approves: the next request of every reader surface shows the approved name, and only it.
    assert workflow_action(login(reviewer), topic_target, "approve").status_code == 200
    topic_target = fresh(topic_target)
    assert topic_target.live
    assert (topic_target.name, topic_target.description) == (
        translate_text("Krótsza nazwa"),
        translate_text(description),
    )
    seen = topic_names_seen_by_readers(practice_target, target_code)
    assert surfaces_showing({translate_text("Krótsza nazwa")}, practice_target, target_code) == set(seen)
    assert surfaces_showing({name, translate_text(name)}, practice_target, target_code) == set()


def test_wagtail_localize_creates_a_submitted_topic_as_a_draft(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Zieleń miejska", slug="zielen")

    response = submit_snippet_for_translation(login(make_user("editor", "pl")), topic, locale_cs)

    assert response.status_code == 302
    topic_cs = topic_in(locale_cs, topic)
    assert (topic_cs.name, topic_cs.live, topic_cs.live_revision) == ("Zieleń miejska", False, None)
    assert topic_cs.latest_revision is not None
    assert Client().get("/api/v2/topics/", {"locale": "cs"}).json() == []


def test_submitting_another_practice_leaves_a_published_topic_translation_as_it_is(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Woda", slug="woda", description="Gospodarka wodna.")
    topic_cs = translate(topic, locale_cs, {"Woda": "Voda", "Gospodarka wodna.": "Vodní hospodářství."})
    practice = PracticePageFactory(parent=roles.practices, title="Retencja", slug="retencja", topics=[topic])

    # wagtail-localize saves the translation of each topic of a submitted practice again, as a draft.
    submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)

    topic_cs = fresh(topic_cs)
    assert (topic_cs.live, topic_cs.name, topic_cs.description) == (True, "Voda", "Vodní hospodářství.")
    assert Client().get("/api/v2/topics/", {"locale": "cs"}).json()[0]["description"] == "Vodní hospodářství."


def test_a_published_topic_keeps_its_text_while_its_new_translation_is_in_review(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Transport", slug="transport", description="Autobusy.")
    topic_cs = translate(topic, locale_cs, {"Transport": "Doprava", "Autobusy.": "Autobusy."})
    topic.description = "Autobusy i tramwaje."
    topic.save_revision().publish()
    editor = login(make_user("editor", "pl"))
    source = translation_of(topic, locale_cs).source
    assert editor.post(reverse("wagtail_localize:update_translations", args=[source.pk])).status_code == 302
    assert fresh(topic_cs).description == "Autobusy."

    translation = translation_of(topic, locale_cs)
    client = login(make_user("translator", "cs"))
    assert edit_string(client, translation, "description", "Autobusy a tramvaje.").status_code == 201
    assert click_submit_for_review(client, translation).status_code == 302

    topic_cs = fresh(topic_cs)
    assert (topic_cs.live, topic_cs.has_unpublished_changes, topic_cs.description) == (True, True, "Autobusy.")
    assert Client().get("/api/v2/topics/", {"locale": "cs"}).json()[0]["description"] == "Autobusy."
    assert workflow_action(login(make_user("reviewer", "cs")), topic_cs, "approve").status_code == 200
    assert Client().get("/api/v2/topics/", {"locale": "cs"}).json()[0]["description"] == "Autobusy a tramvaje."


def test_unpublishing_a_topic_hides_it_on_the_next_request(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Mobilność", slug="mobility")
    topic_cs = translate(topic, locale_cs, {"Mobilność": "Mobilita"})
    assert [item["name"] for item in Client().get("/api/v2/topics/", {"locale": "cs"}).json()] == ["Mobilita"]

    response = login(make_user("editor", "cs")).post(snippet_url(topic_cs, "unpublish"))

    assert response.status_code == 302
    assert not fresh(topic_cs).live
    assert Client().get("/api/v2/topics/", {"locale": "cs"}).json() == []
    assert [item["name"] for item in Client().get("/api/v2/topics/").json()] == ["Mobilność"]


def test_a_translation_whose_source_changed_in_review_cannot_be_approved_until_translated(
    roles, make_user, login, locale_cs
):
    topic = TopicFactory(name="Transport", slug="transport", description="Autobusy.")
    topic_cs = translate(topic, locale_cs, {"Transport": "Doprava", "Autobusy.": "Autobusy."})
    editor, translator, reviewer = make_user("editor", "pl"), make_user("translator", "cs"), make_user("reviewer", "cs")

    def change_source(description):
        source_topic = fresh(topic)
        source_topic.description = description
        source_topic.save_revision().publish()
        source = translation_of(topic, locale_cs).source
        assert login(editor).post(reverse("wagtail_localize:update_translations", args=[source.pk])).status_code == 302

    def translate_and_submit(text):
        translation = translation_of(topic, locale_cs)
        assert edit_string(login(translator), translation, "description", text).status_code == 201
        assert click_submit_for_review(login(translator), translation).status_code == 302

    def czech_description():
        return Client().get("/api/v2/topics/", {"locale": "cs"}).json()[0]["description"]

    change_source("Autobusy i tramwaje.")
    translate_and_submit("Autobusy a tramvaje.")
    # While in review the source changes again, and wagtail-localize saves a newer draft of the topic (the
    # Polish sentence standing in for the new string) when a practice that uses the topic is submitted.
    change_source("Autobusy, tramwaje i rowery.")
    practice = PracticePageFactory(parent=roles.practices, title="Rowery", slug="rowery", topics=[topic])
    assert submit_for_translation(login(editor), practice, locale_cs).status_code == 302

    task = fresh(topic_cs).current_workflow_task.specific
    assert [name for name, _label, _modal in task.get_actions(fresh(topic_cs), reviewer)] == ["reject"]
    assert workflow_action(login(reviewer), topic_cs, "approve").status_code == 403
    assert czech_description() == "Autobusy."

    # The reviewer sends it back; once every string is translated, approval publishes it.
    assert workflow_action(login(reviewer), topic_cs, "reject", "Nový řetězec.").status_code == 200
    translate_and_submit("Autobusy, tramvaje a kola.")
    assert workflow_action(login(reviewer), topic_cs, "approve").status_code == 200
    assert czech_description() == "Autobusy, tramvaje a kola."
