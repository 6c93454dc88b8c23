"""The page form and the image block fill a page's alt text from the library, or ask for one in the admin's language."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.blocks import StreamBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import querydict_from_html, streamfield

from core.blocks import BodyBlock
from practices.factories import PracticePageFactory, TopicFactory
from practices.models import PracticePage
from tests.practices.test_admin import add_practice_form, valid_practice_fields


def image(description=""):
    return Image.objects.create(title="foto.jpg", description=description, file=get_test_image_file())


@pytest.fixture
def admin_client(login_as_editor):
    return login_as_editor("")  # the server's language: Polish


def add_practice(admin_client, index, **fields):
    url, data = add_practice_form(admin_client, index, **valid_practice_fields(TopicFactory()), **fields)
    return admin_client.post(url, data)


def test_an_empty_alt_text_is_filled_from_the_images_description(polish_tree, admin_client):
    photo = image(description="Autobus na przystanku")

    response = add_practice(admin_client, polish_tree.practices, main_image=str(photo.pk), main_image_alt="")

    assert response.status_code == 302
    assert PracticePage.objects.get(slug="wspolny-bilet").main_image_alt == "Autobus na przystanku"


def test_the_editors_own_alt_text_is_kept(polish_tree, admin_client):
    photo = image(description="Autobus na przystanku")

    add_practice(admin_client, polish_tree.practices, main_image=str(photo.pk), main_image_alt="Autobus linii 12")

    assert PracticePage.objects.get(slug="wspolny-bilet").main_image_alt == "Autobus linii 12"


def test_an_image_without_description_needs_an_alt_text_on_the_page(polish_tree, admin_client):
    response = add_practice(admin_client, polish_tree.practices, main_image=str(image().pk), main_image_alt="")

    assert response.status_code == 200
    assert "main_image_alt" in response.context["form"].errors
    assert "Ten obraz nie ma opisu w bibliotece: opisz go tutaj, w języku tej strony" in response.content.decode()
    assert not PracticePage.objects.filter(slug="wspolny-bilet").exists()


def test_choosing_another_image_takes_its_description_unless_the_alt_text_was_edited(polish_tree, admin_client):
    old, new = image(description="Stary dworzec"), image(description="Nowy dworzec")
    practice = PracticePageFactory(
        parent=polish_tree.practices, main_image=old, main_image_alt="Stary dworzec", topics=[TopicFactory()]
    )

    assert edit_image(admin_client, practice, new, alt=None).main_image_alt == "Nowy dworzec"
    assert edit_image(admin_client, practice, old, alt="Dworzec w 1900 roku").main_image_alt == "Dworzec w 1900 roku"


def edit_image(admin_client, practice, new_image, *, alt):
    """Post the practice's edit form with another main image (and, unless None, another alt text)."""
    url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    for name in ("body", "documents", "external_links"):
        for key, value in streamfield([]).items():
            data[f"{name}-{key}"] = value
    data["main_image"] = str(new_image.pk)
    if alt is not None:
        data["main_image_alt"] = alt
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    return PracticePage.objects.get(pk=practice.pk).get_latest_revision_as_object()


@pytest.mark.django_db
def test_an_image_block_takes_the_description_or_asks_for_an_alt_text():
    block = BodyBlock()
    described, undescribed = image(description="Rynek w Opolu"), image()

    filled = block.clean(block.to_python([{"type": "image", "value": {"image": described.pk, "alt_text": ""}}]))

    assert filled[0].value["alt_text"] == "Rynek w Opolu"
    with translation.override("cs"):
        with pytest.raises(StreamBlockValidationError) as refused:
            block.clean(block.to_python([{"type": "image", "value": {"image": undescribed.pk, "alt_text": ""}}]))
        message = str(refused.value.as_json_data())
    assert "popište ho zde" in message
