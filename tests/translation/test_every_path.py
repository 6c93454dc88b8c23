"""The roles hold on every path that changes content, not only in the edit view.

Each path is tried by every role of the workflow: refused for those the rule
excludes, allowed for the one it names, with the content checked afterwards.
"""

import itertools
from datetime import timedelta
from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail_localize.models import StringSegment, StringTranslation

from practices.factories import PracticePageFactory, TopicFactory
from practices.models import Topic
from tests.translation.helpers import refused, submit_for_translation, translation_of
from tests.utils import translate
from translation.permissions import RolePagePermissionTester

#: Everyone who is not a Czech editor: the people the rule keeps from changing Czech pages.
NOT_CZECH_EDITORS = [("translator", "cs"), ("reviewer", "cs"), ("editor", "pl"), ("translator", "pl")]


def fresh(page):
    return Page.objects.filter(pk=page.pk).first()


@pytest.fixture
def czech_page(roles):
    """A live page written in Czech by a Czech editor (a source, not a translation)."""
    page = PracticePageFactory(parent=roles.practices_cs, title="Cyklostezka", slug="cyklostezka")
    page.save_revision().publish()
    return page


@pytest.fixture
def czech_draft(roles):
    return PracticePageFactory(parent=roles.practices_cs, title="Koncept", slug="koncept", live=False)


@pytest.fixture
def incomplete_translation(roles, locale_cs, make_user, login):
    """A Polish practice sent for translation into Czech: its Czech page exists, not one string translated."""
    practice = PracticePageFactory(parent=roles.practices, title="Park miejski", slug="park-miejski")
    submit_for_translation(login(make_user("editor", "pl", username="author")), practice, locale_cs)
    return translation_of(practice, locale_cs)


PEOPLE = itertools.count()


def as_each(make_user, login, pairs):
    """A client logged in as a new user of each (role, locale) pair in turn."""
    for role, code in pairs:
        yield (role, code), login(make_user(role, code, username=f"{role}-{code}-{next(PEOPLE)}"))


def test_every_page_type_uses_the_role_tester(roles, make_user):
    user = make_user("translator", "cs")
    for model in get_page_models():
        if model is Page:
            continue
        assert isinstance(model().permissions_for_user(user), RolePagePermissionTester), model


# Delete, unpublish, privacy, move, copy: authors of the page's locale only.


def test_only_the_locales_editors_delete_a_live_page(czech_page, make_user, login):
    url = reverse("wagtailadmin_pages:delete", args=[czech_page.pk])
    for who, client in as_each(make_user, login, NOT_CZECH_EDITORS):
        assert refused(client.post(url)), who
        assert fresh(czech_page) is not None, who
    assert login(make_user("editor", "cs")).post(url).status_code == 302
    assert fresh(czech_page) is None


def test_translators_and_reviewers_delete_no_drafts_and_no_translations(
    czech_draft, incomplete_translation, make_user, login
):
    target = incomplete_translation.get_target_instance()
    for page in (czech_draft, target):
        url = reverse("wagtailadmin_pages:delete", args=[page.pk])
        for who, client in as_each(make_user, login, [("translator", "cs"), ("reviewer", "cs")]):
            assert refused(client.post(url)), who
            assert fresh(page) is not None, who
    assert login(make_user("editor", "cs")).post(reverse("wagtailadmin_pages:delete", args=[czech_draft.pk]))
    assert fresh(czech_draft) is None


def test_only_the_locales_editors_unpublish(czech_page, make_user, login):
    url = reverse("wagtailadmin_pages:unpublish", args=[czech_page.pk])
    for who, client in as_each(make_user, login, NOT_CZECH_EDITORS):
        assert refused(client.post(url)), who
        assert fresh(czech_page).live, who
    assert login(make_user("editor", "cs")).post(url).status_code == 302
    assert not fresh(czech_page).live


def test_only_the_locales_editors_put_a_page_behind_a_password(czech_page, make_user, login):
    url = reverse("wagtailadmin_pages:set_privacy", args=[czech_page.pk])
    data = {"restriction_type": "password", "password": "tajne-heslo"}
    for who, client in as_each(make_user, login, NOT_CZECH_EDITORS):
        assert refused(client.post(url, data)), who
        assert not PageViewRestriction.objects.filter(page=czech_page).exists(), who
    assert login(make_user("editor", "cs")).post(url, data).status_code == 200
    assert PageViewRestriction.objects.filter(page=czech_page).exists()


def test_translators_and_reviewers_move_and_copy_nothing(roles, czech_draft, make_user, login):
    move = reverse("wagtailadmin_pages:move_confirm", args=[czech_draft.pk, roles.events_cs.pk])
    copy = reverse("wagtailadmin_pages:copy", args=[czech_draft.pk])
    copy_data = {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": roles.practices_cs.pk}
    for who, client in as_each(make_user, login, [("translator", "cs"), ("reviewer", "cs")]):
        assert refused(client.post(move)), who
        assert refused(client.post(copy, copy_data)), who
    assert fresh(czech_draft).get_parent().pk == roles.practices_cs.pk
    assert not Page.objects.filter(slug="kopie").exists()
    assert login(make_user("editor", "cs")).post(copy, copy_data).status_code == 302
    assert Page.objects.filter(slug="kopie", locale=czech_draft.locale).exists()


# Publishing: by editors only, never a translation with missing strings, on no path.


def bulk(action, *pages):
    return f"/admin/bulk/wagtailcore/page/{action}/?" + urlencode([("id", page.pk) for page in pages])


def test_reviewers_publish_no_draft_through_the_bulk_action(czech_draft, make_user, login):
    for who, client in as_each(make_user, login, [("reviewer", "cs"), ("translator", "cs"), ("editor", "pl")]):
        with TestCase.captureOnCommitCallbacks(execute=True):
            client.post(bulk("publish", czech_draft))
        assert not fresh(czech_draft).live, who
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert login(make_user("editor", "cs")).post(bulk("publish", czech_draft)).status_code == 302
    assert fresh(czech_draft).live


def test_an_incomplete_translation_is_not_bulk_published_even_by_an_administrator(
    incomplete_translation, make_user, login, django_user_model
):
    target = incomplete_translation.get_target_instance()
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "password")
    for client in (login(make_user("editor", "cs")), login(admin)):
        with TestCase.captureOnCommitCallbacks(execute=True):
            client.post(bulk("publish", target))
        assert not fresh(target).live


def test_reviewers_unpublish_and_delete_nothing_in_bulk(czech_page, make_user, login):
    client = login(make_user("reviewer", "cs"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(bulk("unpublish", czech_page))
        client.post(bulk("delete", czech_page))
    assert fresh(czech_page).live


def test_nobody_but_administrators_turns_a_translation_into_an_alias(
    incomplete_translation, make_user, login, django_user_model
):
    target = incomplete_translation.get_target_instance()
    url = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
    for who, client in as_each(make_user, login, [("translator", "cs"), ("reviewer", "cs"), ("editor", "cs")]):
        assert refused(client.post(url)), who
        assert fresh(target).alias_of_id is None, who
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "password")
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert login(admin).post(url).status_code == 302
    assert fresh(target).alias_of_id == incomplete_translation.source.get_source_instance().pk


def test_only_the_target_locales_editors_stop_a_translation(incomplete_translation, make_user, login):
    url = reverse("wagtail_localize:stop_translation", args=[incomplete_translation.pk])
    for who, client in as_each(make_user, login, [("translator", "cs"), ("reviewer", "cs"), ("editor", "pl")]):
        assert refused(client.post(url)), who
        incomplete_translation.refresh_from_db()
        assert incomplete_translation.enabled, who
    assert login(make_user("editor", "cs")).post(url).status_code == 302
    incomplete_translation.refresh_from_db()
    assert not incomplete_translation.enabled


# Translation strings: only in the user's own target locale, for topics as for pages.


@pytest.fixture
def topic_translation_into_polish(roles, locale_pl, locale_cs):
    """A Czech topic sent for translation into Polish."""
    topic = TopicFactory(name="Zeleň", slug="zelen", locale=locale_cs)
    translate(topic, locale_pl, {"Zeleň": "Zieleń", "zelen": "zielen"}, publish=False)
    return translation_of(topic, locale_pl)


def put_string(client, translation, value):
    segment = StringSegment.objects.filter(source=translation.source, context__path="name").get()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def translated_name(translation):
    segment = StringSegment.objects.get(source=translation.source, context__path="name")
    return StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    ).data


def test_topic_strings_are_written_only_into_the_users_locale(topic_translation_into_polish, make_user, login):
    for who, client in as_each(make_user, login, [("translator", "cs"), ("editor", "cs"), ("reviewer", "cs")]):
        assert refused(put_string(client, topic_translation_into_polish, "Obce słowo")), who
        assert translated_name(topic_translation_into_polish) == "Zieleń", who
    assert (
        put_string(login(make_user("translator", "pl")), topic_translation_into_polish, "Zieleń miejska").status_code
        == 200
    )
    assert translated_name(topic_translation_into_polish) == "Zieleń miejska"


def po_upload(translation, name_translation):
    po = translation.export_po()
    for entry in po:
        if entry.msgctxt == "name":
            entry.msgstr = name_translation
    return SimpleUploadedFile("topic.po", str(po).encode(), content_type="text/x-gettext-translation")


def test_a_po_file_is_imported_only_into_the_users_locale(topic_translation_into_polish, make_user, login):
    translation = topic_translation_into_polish
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = login(make_user("translator", "cs")).post(url, {"file": po_upload(translation, "Cudze")})
    assert refused(response)
    assert translated_name(translation) == "Zieleń"
    login(make_user("translator", "pl")).post(url, {"file": po_upload(translation, "Zieleń w mieście")})
    assert translated_name(translation) == "Zieleń w mieście"


def test_machine_translation_and_po_download_only_in_the_users_locale(topic_translation_into_polish, make_user, login):
    translation = topic_translation_into_polish
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    machine = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    czech = login(make_user("translator", "cs"))
    assert refused(czech.get(download))
    assert refused(czech.post(machine))
    polish = login(make_user("translator", "pl"))
    response = polish.get(download)
    assert response.status_code == 200
    assert any(entry.msgstr == "Zieleń" for entry in polish_entries(response))


def polish_entries(response):
    return polib.pofile(response.content.decode())


def test_a_polish_editor_writes_no_czech_topic_string_and_deletes_no_czech_topic(roles, locale_cs, make_user, login):
    """Polish editors hold the topic permissions, which Wagtail applies in every locale."""
    topic = TopicFactory(name="Woda", slug="woda")
    translate(topic, locale_cs, {"Woda": "Voda", "woda": "voda"}, publish=False)
    translation = translation_of(topic, locale_cs)
    client = login(make_user("editor", "pl"))
    assert refused(put_string(client, translation, "Woda po polsku"))
    assert translated_name(translation) == "Voda"
    topic_cs = translation.get_target_instance()
    assert refused(client.post(reverse(topic_cs.snippet_viewset.get_url_name("delete"), args=[topic_cs.pk])))
    assert Topic.objects.filter(pk=topic_cs.pk).exists()
    assert put_string(login(make_user("translator", "cs")), translation, "Pitná voda").status_code == 200
    assert translated_name(translation) == "Pitná voda"


def test_the_admin_apis_page_actions_follow_the_same_rules(czech_page, make_user, login):
    for action in ("delete", "unpublish"):
        url = reverse("wagtailadmin_api:pages:action", args=[czech_page.pk, action])
        for who, client in as_each(make_user, login, [("reviewer", "cs"), ("translator", "cs"), ("editor", "pl")]):
            # 404 for those who cannot even see the page in the admin API
            assert client.post(url, {}, content_type="application/json").status_code in (403, 404), (action, who)
            assert fresh(czech_page).live, (action, who)


# Topic views without a hook of their own: held to the topic's locale by the snippet middleware.


@pytest.fixture
def czech_topic(roles, locale_cs):
    return TopicFactory(name="Doprava", slug="doprava", locale=locale_cs)


def test_a_scheduled_topic_is_unscheduled_only_by_its_locales_editors(czech_topic, make_user, login):
    revision = czech_topic.save_revision()
    revision.approved_go_live_at = timezone.now() + timedelta(days=7)
    revision.save()
    url = reverse(czech_topic.snippet_viewset.get_url_name("revisions_unschedule"), args=[czech_topic.pk, revision.pk])
    for who, client in as_each(make_user, login, [("editor", "pl"), ("reviewer", "cs"), ("translator", "cs")]):
        assert refused(client.post(url)), who
        revision.refresh_from_db()
        assert revision.approved_go_live_at is not None, who
    assert login(make_user("editor", "cs")).post(url).status_code == 302
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


def test_a_topic_is_copied_only_by_editors_of_its_locale(czech_topic, make_user, login):
    url = reverse(czech_topic.snippet_viewset.get_url_name("copy"), args=[czech_topic.pk])
    data = {"name": "Doprava 2", "slug": "doprava-2", "locale": czech_topic.locale_id}
    assert refused(login(make_user("editor", "pl")).post(url, data))
    assert not Topic.objects.filter(slug="doprava-2").exists()


def test_a_bad_po_upload_gets_a_message_not_a_server_error(topic_translation_into_polish, make_user, login):
    translation = topic_translation_into_polish
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk]) + "?next=/admin/"
    client = login(make_user("translator", "pl"))
    without_header = SimpleUploadedFile("x.po", b'msgid "Zelen"\nmsgstr "Obce"\n')
    for data, message in (
        ({}, "Choose a PO file to upload."),
        ({"file": SimpleUploadedFile("x.po", b"/etc/passwd")}, "not a valid PO file"),
        ({"file": without_header}, "not exported from this translation"),
    ):
        response = client.post(url, data, follow=True)
        assert response.status_code == 200
        assert message in response.content.decode()
    assert translated_name(translation) == "Zieleń"


def test_translators_and_reviewers_revert_no_source_to_an_old_revision(czech_page, make_user, login):
    old = czech_page.latest_revision
    czech_page.title = "Cyklostezka podél řeky"
    czech_page.save_revision().publish()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[czech_page.pk, old.pk])
    for who, client in as_each(make_user, login, [("translator", "cs"), ("reviewer", "cs")]):
        assert refused(client.get(url)), who
    assert login(make_user("editor", "cs")).get(url).status_code == 200
