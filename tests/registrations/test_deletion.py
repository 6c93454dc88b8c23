"""No event with registrations is deleted from the admin: not its page, its translation, a parent, or in bulk."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Page

from events.factories import EventPageFactory
from registrations import services
from registrations.models import Registration
from tests.stats.conftest import when


@pytest.fixture
def registered(event):
    services.register(
        event, {"name": "Anna", "email": "anna@example.pl", "country": "PL", "institution_kind": "ngo"}, language="pl"
    )
    return event


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "x"))
    return client


def delete(client, page):
    return client.post(f"/admin/pages/{page.pk}/delete/")


def bulk_delete(client, *pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"/admin/bulk/wagtailcore/page/delete/?{ids}&next=/admin/pages/")


def refused(response):
    assert response.status_code == 302
    (message,) = [str(message) for message in get_messages(response.wsgi_request)]
    # The admin speaks the project's default language, Polish, to a user who chose none.
    assert message.startswith("Nie usunięto: wydarzenie ma 1 zgłoszenie")


@pytest.mark.parametrize("which", ["event", "translation", "parent"])
def test_deleting_an_event_with_registrations_is_refused_with_the_reason(admin, registered, content, site_tree, which):
    page = {"event": registered, "translation": content.event_cs, "parent": site_tree.events}[which]

    refused(delete(admin, page))

    assert Page.objects.filter(pk=page.pk).exists()
    assert Registration.objects.filter(event=registered).count() == 1


def test_a_bulk_deletion_with_one_such_event_deletes_nothing(admin, registered, site_tree):
    other = EventPageFactory(parent=site_tree.events, slug="other", start=when(2026), end=when(2026))

    refused(bulk_delete(admin, other, registered))

    assert Page.objects.filter(pk__in=[other.pk, registered.pk]).count() == 2
    assert Registration.objects.count() == 1


def test_an_event_without_registrations_is_deleted_as_before(admin, event, site_tree):
    lone = EventPageFactory(parent=site_tree.events, slug="lone", start=when(2026), end=when(2026))
    other = EventPageFactory(parent=site_tree.events, slug="other", start=when(2026), end=when(2026))

    assert delete(admin, lone).status_code == 302
    assert bulk_delete(admin, other).status_code == 302

    assert not Page.objects.filter(pk__in=[lone.pk, other.pk]).exists()
    assert Page.objects.filter(pk=event.pk).exists()
