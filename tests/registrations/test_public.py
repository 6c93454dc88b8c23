"""What the public sees of registration: settings in the event detail, live places on the terms; never a person."""

from events.models import EventPage
from registrations.models import Registration
from security.public_forms import issue_token
from tests.registrations.conftest import post
from tests.utils import validation_errors

TERMS = "/api/v2/registrations/terms/"


def test_the_event_detail_says_what_the_form_asks_and_where_its_live_state_is(client, event):
    body = client.get(f"/api/v2/events/{event.pk}/").json()

    assert body["registration"] == {
        "deadline": None,
        "capacity": 2,
        "confirmation": "automatic",
        "questions": ["institution", "position", "visit_language", "needs", "internship"],
        "state": f"/api/v2/registrations/terms/?event={event.pk}",
    }


def test_the_event_list_carries_the_same_object(client, event, content):
    items = {item["id"]: item for item in client.get("/api/v2/events/", {"locale": "cs"}).json()["results"]}

    assert (
        items[content.event_cs.pk]["registration"]["state"]
        == f"/api/v2/registrations/terms/?event={content.event_cs.pk}"
    )
    assert items[content.event_cs.pk]["registration"]["capacity"] == 2


def test_an_event_without_registration_on_the_portal_says_null(client, content):
    assert client.get(f"/api/v2/events/{content.event.pk}/").json()["registration"] is None


def test_the_terms_give_places_left_for_both_languages_and_no_participant(client, form, content, event):
    post(client, form())
    post(client, form(event=content.event_cs.pk, email="jana@example.cz", name="Jana Nováková"))

    body = client.get(TERMS, {"event": content.event_cs.pk, "locale": "cs"}).json()

    assert (body["open"], body["places_left"], body["waiting_list"]) == (True, 0, True)
    assert body["event"]["title"] == "Setkání sítě"
    assert body["event"]["translations"] == {"pl": event.pk, "cs": content.event_cs.pk}
    assert body["token"]
    assert "Jana" not in str(body) and "anna@example.pl" not in str(body)
    assert "Jana" not in client.get(f"/api/v2/events/{event.pk}/").content.decode()


def test_places_left_are_live_though_the_event_detail_is_cached(client, form, event):
    assert client.get(TERMS, {"event": event.pk}).json()["places_left"] == 2
    post(client, form())

    response = client.get(TERMS, {"event": event.pk})

    assert response.json()["places_left"] == 1
    assert response["Cache-Control"] == "no-store"


def test_the_terms_refuse_a_missing_or_bad_event_and_a_bad_locale(client, event):
    assert list(client.get(TERMS).json()["errors"]) == ["event"]
    assert client.get(TERMS, {"event": "x"}).status_code == 400
    assert client.get(TERMS, {"event": event.pk, "locale": "de"}).status_code == 400
    assert client.get(TERMS, {"event": 999_999}).status_code == 404
    EventPage.objects.filter(pk=event.pk).update(registration_enabled=False)
    assert client.get(TERMS, {"event": event.pk}).status_code == 404


def test_the_token_of_the_terms_is_the_registration_forms(client, form, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    token = client.get(TERMS, {"event": form()["event"]}).json()["token"]

    assert post(client, form(token=token)).status_code == 201
    assert post(client, form(token=issue_token("enquiry"), email="b@example.pl")).status_code == 400


def test_registration_on_the_portal_and_an_external_link_exclude_each_other(event):
    event.registration_url = "https://example.org/register"

    assert "registration_url" in validation_errors(event)
    event.registration_enabled = False
    assert "registration_url" not in validation_errors(event)


def test_the_schema_documents_the_registration_endpoint(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    post_op = schema["paths"]["/api/v2/registrations/"]["post"]
    assert set(post_op["responses"]) == {"201", "400", "404", "409", "429", "503"}
    assert "/api/v2/registrations/terms/" in schema["paths"]
    assert "/api/v2/registrations/cancel/" in schema["paths"]


def test_nothing_is_stored_for_a_refused_form(client, form):
    post(client, form(consent_to_processing=False))

    assert not Registration.objects.exists()
