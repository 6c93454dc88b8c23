"""After submitting for translation, each user lands on a screen they may use."""

from django.contrib.messages import get_messages
from django.urls import reverse

from practices.factories import PracticePageFactory, TopicFactory
from tests.translation.helpers import submit_for_translation, submit_snippet_for_translation


def test_the_editor_lands_on_the_source_page_with_the_success_message(roles, make_user, login, locale_cs):
    practice = PracticePageFactory(parent=roles.practices, title="Park i ogród", slug="park", summary="Opis.")
    client = login(make_user("editor", "pl"))

    response = submit_for_translation(client, practice, locale_cs)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[practice.pk])
    landed = client.get(response["Location"])
    assert landed.status_code == 200
    assert [message.level_tag for message in get_messages(landed.wsgi_request)] == ["success"]
    assert practice.has_translation(locale_cs)


def test_someone_who_may_edit_the_translation_goes_to_it(roles, admin_client, locale_cs):
    practice = PracticePageFactory(parent=roles.practices, title="Park i ogród", slug="park", summary="Opis.")

    response = submit_for_translation(admin_client, practice, locale_cs)

    translated = practice.get_translation(locale_cs)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translated.pk])


def test_the_editor_of_a_topic_lands_on_the_source_topic(roles, make_user, login, locale_cs):
    topic = TopicFactory(name="Woda", slug="woda")
    client = login(make_user("editor", "pl"))

    response = submit_snippet_for_translation(client, topic, locale_cs)

    assert response.status_code == 302
    assert response["Location"] == reverse(topic.snippet_viewset.get_url_name("edit"), args=[topic.pk])
    assert client.get(response["Location"]).status_code == 200
