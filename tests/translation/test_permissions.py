"""Each right of the workflow, allowed and refused: submitting, translating, publishing, reviewing, snippets, files."""

import pytest
from django.contrib.auth.models import Permission
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from practices.factories import PracticePageFactory, TopicFactory
from practices.models import Topic
from tests.translation.conftest import fresh, in_english_admin
from tests.translation.helpers import (
    edit_string,
    refused,
    snippet_url,
    submit_for_translation,
    submit_snippet_for_translation,
    translation_of,
    workflow_action,
)
from tests.utils import translate
from translation.review import submit_for_review


@pytest.fixture
def practice(roles):
    return PracticePageFactory(parent=roles.practices, title="Park i ogród", slug="park", summary="Opis parku.")


@pytest.fixture
def translated(practice, locale_cs, make_user, login):
    """The practice submitted for translation into Czech by a Polish editor; returns the Translation."""
    submit_for_translation(login(make_user("editor", "pl", username="author")), practice, locale_cs)
    return translation_of(practice, locale_cs)


def fill_all(translation, user=None):
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
            defaults={"data": f"{segment.string.data}-cs", "translation_type": "manual", "last_translated_by": user},
        )


# Submitting for translation: wagtail-localize checks only the permission; we also need edit rights on the source.


def test_an_editor_submits_pages_of_their_locale(practice, locale_cs, make_user, login):
    response = submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)
    assert response.status_code == 302
    assert practice.has_translation(locale_cs)


@pytest.mark.parametrize("role", ["editor", "translator", "reviewer"])
def test_nobody_submits_pages_they_cannot_edit(role, practice, locale_cs, make_user, login, django_user_model):
    user = make_user(role, "cs")
    user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    client = login(django_user_model.objects.get(pk=user.pk))
    sources = TranslationSource.objects.count()
    url = reverse("wagtail_localize:submit_page_translation", args=[practice.pk])
    assert refused(client.get(url))
    assert refused(submit_for_translation(client, practice, locale_cs))
    assert not practice.has_translation(locale_cs)
    assert TranslationSource.objects.count() == sources


def test_translators_may_not_submit_even_pages_of_their_tree(roles, make_user, login, locale_pl):
    page = PracticePageFactory(parent=roles.practices_cs, title="Park", slug="park-cs")
    assert refused(submit_for_translation(login(make_user("translator", "cs")), page, locale_pl))


def test_snippets_are_submitted_only_by_editors_of_their_locale(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Zieleń", slug="zielen")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["practices", "topic", topic.pk])
    editor_cs = make_user("editor", "cs")
    assert refused(login(editor_cs).post(url, {"locales": [locale_cs.pk]}))
    assert not Topic.objects.filter(locale=locale_cs).exists()
    assert login(make_user("editor", "pl")).post(url, {"locales": [locale_cs.pk]}).status_code == 302
    assert Topic.objects.filter(locale=locale_cs, translation_key=topic.translation_key).exists()


def test_syncing_needs_edit_rights_on_the_source(translated, make_user, login):
    url = reverse("wagtail_localize:update_translations", args=[translated.source.pk])
    assert refused(login(make_user("editor", "cs")).get(url))
    assert login(make_user("editor", "pl")).get(url).status_code == 200


# Translating: translators edit translations in their locale only, never sources, and never publish.


def test_translators_open_the_editor_of_translations_into_their_locale(
    translated, practice, locale_cs, make_user, login
):
    target = practice.get_translation(locale_cs)
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert login(make_user("translator", "cs")).get(edit_url).status_code == 200
    assert refused(login(make_user("translator", "pl")).get(edit_url))


def test_translators_do_not_edit_source_content(translated, practice, roles, make_user, login):
    client = login(make_user("translator", "cs"))
    czech_original = PracticePageFactory(parent=roles.practices_cs, title="Park", slug="park-cs")
    for page in (practice, czech_original):
        assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))


def test_translators_edit_strings_only_in_their_locale(translated, make_user, login):
    assert edit_string(login(make_user("translator", "cs")), translated, "title", "Park a zahrada").status_code == 201
    assert refused(edit_string(login(make_user("translator", "pl")), translated, "title", "Park"))


def test_translators_cannot_publish(translated, practice, locale_cs, make_user, login):
    fill_all(translated)
    target = practice.get_translation(locale_cs)
    client = login(make_user("translator", "cs"))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert refused(response)
    assert not fresh(target).live


def test_a_complete_translation_may_be_published_by_an_editor_of_its_locale(
    translated, practice, locale_cs, make_user, login
):
    fill_all(translated)
    target = practice.get_translation(locale_cs)
    client = login(make_user("editor", "cs"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    assert fresh(target).live


def test_an_incomplete_translation_is_published_by_nobody(translated, practice, locale_cs, django_user_model, login):
    target = practice.get_translation(locale_cs)
    admin = in_english_admin(django_user_model.objects.create_superuser("root", "root@example.org", "password"))
    response = login(admin).post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}, follow=True
    )
    assert "Not published" in response.content.decode()
    assert not fresh(target).live


def test_submitting_for_review_needs_edit_rights_and_every_string(translated, make_user, login):
    url = reverse("translation:submit_for_review", args=[translated.pk])
    translator = make_user("translator", "cs")
    login(translator).post(url)
    target = Page.objects.get(pk=translated.get_target_instance().pk)
    assert target.current_workflow_state is None  # strings missing
    fill_all(translated, translator)
    assert refused(login(make_user("translator", "pl")).post(url))
    assert target.current_workflow_state is None
    assert login(translator).post(url).status_code == 302
    assert fresh(target).current_workflow_state is not None


# Reviewing: reviewers of the target locale only.


def test_only_reviewers_of_the_locale_decide(translated, make_user, login):
    fill_all(translated)
    submit_for_review(translated, make_user("translator", "cs"))
    target = translated.get_target_instance()
    assert refused(workflow_action(login(make_user("reviewer", "pl")), target, "approve"))
    assert refused(workflow_action(login(make_user("translator", "cs", username="t2")), target, "approve"))
    assert not fresh(target).live
    assert workflow_action(login(make_user("reviewer", "cs")), target, "approve").status_code == 200
    assert fresh(target).live


def test_reviewers_do_not_edit_source_content(roles, make_user, login):
    page = PracticePageFactory(parent=roles.practices_cs, title="Park", slug="park-cs")
    assert refused(login(make_user("reviewer", "cs")).get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert login(make_user("editor", "cs")).get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


# Snippets have no tree: their locale is enforced by hooks.


def test_topics_are_edited_in_their_locale_by_its_editors_and_translators(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Woda", slug="woda")
    login(make_user("editor", "pl")).post(
        reverse("wagtail_localize:submit_snippet_translation", args=["practices", "topic", topic.pk]),
        {"locales": [locale_cs.pk]},
    )
    topic_cs = Topic.objects.get(translation_key=topic.translation_key, locale=locale_cs)

    def edit(user, instance):
        return login(user).get(reverse("wagtailsnippets_practices_topic:edit", args=[instance.pk]))

    assert edit(make_user("translator", "cs"), topic_cs).status_code == 200
    assert refused(edit(make_user("translator", "cs", username="t2"), topic))
    assert edit(make_user("editor", "pl", username="e2"), topic).status_code == 200
    assert refused(edit(make_user("editor", "pl", username="e3"), topic_cs))
    assert refused(edit(make_user("reviewer", "cs"), topic_cs))


def test_topics_are_created_only_in_the_editors_locale(roles, make_user, login):
    client = login(make_user("editor", "cs"))
    add = reverse("wagtailsnippets_practices_topic:add")
    assert client.get(add, {"locale": "cs"}).status_code == 200
    assert refused(client.get(add, {"locale": "pl"}))
    assert refused(login(make_user("translator", "cs")).get(add, {"locale": "cs"}))


# Topics have drafts and review too: translators never publish them, and only the reviewers of a topic's locale
# approve it.


@pytest.fixture
def topic_translation(roles, make_user, login, locale_cs):
    """A Polish topic submitted for translation into Czech by a Polish editor, every string filled."""
    topic = TopicFactory(name="Zieleń", slug="zielen")
    submit_snippet_for_translation(login(make_user("editor", "pl", username="topic-author")), topic, locale_cs)
    translation = translation_of(topic, locale_cs)
    fill_all(translation)
    return translation


def topic_is_live(translation):
    return Topic.objects.get(pk=translation.get_target_instance().pk).live


def test_translators_cannot_publish_topics_and_editors_of_the_locale_can(topic_translation, make_user, login):
    url = snippet_url(topic_translation.get_target_instance(), "edit")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = login(make_user("translator", "cs")).post(url, {"action": "publish"})
    assert refused(response)
    assert not topic_is_live(topic_translation)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = login(make_user("editor", "cs")).post(url, {"action": "publish"})
    assert response.status_code == 302
    assert topic_is_live(topic_translation)


def test_only_reviewers_of_the_topics_locale_approve_it(topic_translation, make_user, login):
    submit_for_review(topic_translation, make_user("translator", "cs"))
    topic_cs = topic_translation.get_target_instance()
    for role, code in (("editor", "pl"), ("reviewer", "pl"), ("editor", "cs"), ("translator", "cs")):
        user = make_user(role, code, username=f"{role}-{code}-deciding")
        assert refused(workflow_action(login(user), topic_cs, "approve")), (role, code)
    assert not topic_is_live(topic_translation)
    assert workflow_action(login(make_user("reviewer", "cs")), topic_cs, "approve").status_code == 200
    assert topic_is_live(topic_translation)


def test_reviewers_open_a_topic_only_while_its_review_is_theirs(topic_translation, make_user, login):
    url = snippet_url(topic_translation.get_target_instance(), "edit")
    reviewer = make_user("reviewer", "cs")
    assert refused(login(reviewer).get(url))
    submit_for_review(topic_translation, make_user("translator", "cs"))
    assert "Zieleń-cs" in login(reviewer).get(reverse("wagtailadmin_home")).content.decode()  # awaiting review
    response = login(reviewer).get(url)
    assert response.status_code == 200
    assert "In review" in response.content.decode()
    assert refused(login(make_user("reviewer", "pl")).get(url))


def test_topics_are_unpublished_only_by_publishers_of_their_locale(roles, make_user, login, locale_cs):
    topic_cs = translate(TopicFactory(name="Woda", slug="woda"), locale_cs, {"Woda": "Voda"})
    url = snippet_url(topic_cs, "unpublish")
    for role, code in (("editor", "pl"), ("reviewer", "pl"), ("translator", "cs")):
        assert refused(login(make_user(role, code)).post(url)), (role, code)
    assert Topic.objects.get(pk=topic_cs.pk).live
    assert login(make_user("editor", "cs")).post(url).status_code == 302
    assert not Topic.objects.get(pk=topic_cs.pk).live


# The offline round trip in the admin.


def test_translation_files_are_for_people_with_translation_rights(roles, make_user, login, django_user_model):
    url = reverse("translation:files")
    assert login(make_user("translator", "cs")).get(url).status_code == 200
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "password")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert refused(login(outsider).get(url))
    response = login(make_user("translator", "pl")).post(url, {"export": "1", "export-locale": "cs"})
    assert response.status_code == 200
    assert "You do not work on translations into this language." in response.content.decode()


def test_the_status_report_shows_only_the_users_locales(translated, make_user, login, django_user_model):
    url = reverse("translation:status_report")
    assert "Park i ogr" in login(make_user("translator", "cs")).get(url).content.decode()
    assert "Park i ogr" not in login(make_user("translator", "pl")).get(url).content.decode()
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "password")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert refused(login(outsider).get(url))
