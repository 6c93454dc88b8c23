"""Creating a practice through the Wagtail admin: the model's validation reaches the editor's form."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html, streamfield

from practices.factories import TopicFactory
from practices.models import PracticePage


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "password"))
    return client


def add_practice_form(admin_client, index, **fields):
    """The add-page form's own POST data (as the browser would send it), with `fields` filled in."""
    url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", index.pk))
    response = admin_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by JavaScript; an empty one posts only its block count.
    for name in ("body", "documents", "external_links"):
        for key, value in streamfield([]).items():
            data[f"{name}-{key}"] = value
    for key, value in fields.items():
        data[key] = value
    return url, data


def valid_practice_fields(topic):
    return {
        "title": "Wspólny bilet aglomeracyjny",
        "slug": "wspolny-bilet",
        "summary": "Jeden bilet na autobusy w całej aglomeracji.",
        "agglomeration": "opole",
        "funding_source": "zit_iti",
        "start_date": "2016-03-01",
        "end_date": "2019-12-31",
        "topic_links-0-topic": str(topic.pk),
    }


def test_valid_practice_form_creates_a_draft(polish_tree, admin_client):
    topic = TopicFactory()
    url, data = add_practice_form(
        admin_client, polish_tree.practices, **valid_practice_fields(topic), latitude="50.6683", longitude="17.9231"
    )

    response = admin_client.post(url, data)

    practice = PracticePage.objects.get(slug="wspolny-bilet")
    assert response.status_code == 302
    assert practice.get_parent().pk == polish_tree.practices.pk
    assert [link.topic for link in practice.topic_links.all()] == [topic]


@pytest.mark.parametrize(
    ("coordinates", "field_with_error"),
    [
        ({"latitude": "50.6683", "longitude": ""}, "longitude"),
        ({"latitude": "95", "longitude": "17.9231"}, "latitude"),
    ],
)
def test_practice_form_with_invalid_coordinates_is_rejected(polish_tree, admin_client, coordinates, field_with_error):
    url, data = add_practice_form(
        admin_client, polish_tree.practices, **valid_practice_fields(TopicFactory()), **coordinates
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert field_with_error in response.context["form"].errors
    assert not PracticePage.objects.filter(slug="wspolny-bilet").exists()


def test_practice_form_with_a_long_summary_is_rejected(polish_tree, admin_client):
    url, data = add_practice_form(
        admin_client, polish_tree.practices, **{**valid_practice_fields(TopicFactory()), "summary": "a" * 301}
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "summary" in response.context["form"].errors
    assert not PracticePage.objects.filter(slug="wspolny-bilet").exists()
