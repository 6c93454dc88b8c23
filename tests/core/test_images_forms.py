"""New and edited images need an alternative text: every image form asks for it in the admin's language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, UploadedFile

POLISH = "Opisz obraz dla osób, które go nie widzą: co przedstawia, w jednym zdaniu."
CZECH = "Popište obrázek pro ty, kdo ho nevidí: co zobrazuje, jednou větou."


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


def picture():
    """A PNG as the browser sends it."""
    return SimpleUploadedFile("rynek.png", get_test_image_file().file.getvalue(), content_type="image/png")


def upload(client, root_collection, **fields):
    data = {"title": "Rynek", "file": picture(), "collection": root_collection.pk, **fields}
    return client.post(reverse("wagtailimages:add"), data)


@pytest.mark.parametrize(("language", "message"), [("", POLISH), ("cs", CZECH)])
def test_an_upload_without_alt_text_is_refused_in_the_admins_language(
    login_as_editor, root_collection, language, message
):
    response = upload(login_as_editor(language), root_collection, description="")

    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert message in response.content.decode()
    assert not Image.objects.exists()


def test_an_upload_with_alt_text_saves_it(login_as_editor, root_collection):
    response = upload(login_as_editor(""), root_collection, description="Ratusz na rynku w Opolu")

    assert response.status_code == 302
    assert Image.objects.get().description == "Ratusz na rynku w Opolu"


def test_the_multiple_uploader_asks_for_alt_text_before_the_image_is_made(login_as_editor, root_collection):
    client = login_as_editor("")
    uploaded = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": picture(), "collection": root_collection.pk}
    ).json()

    assert uploaded["success"] and not Image.objects.exists()
    upload_id = uploaded["uploaded_file_id"]
    complete = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id])
    prefix = f"uploaded-image-{upload_id}"

    refused = client.post(complete, {f"{prefix}-title": "Rynek", f"{prefix}-collection": root_collection.pk}).json()
    assert not refused["success"]
    assert POLISH in refused["form"]
    assert UploadedFile.objects.filter(pk=upload_id).exists() and not Image.objects.exists()

    fields = {f"{prefix}-title": "Rynek", f"{prefix}-collection": root_collection.pk}
    assert client.post(complete, {**fields, f"{prefix}-description": "Rynek nocą"}).json()["success"]
    assert Image.objects.get().description == "Rynek nocą"


def test_an_old_image_without_alt_text_opens_and_must_get_one_when_saved(login_as_editor, root_collection):
    client = login_as_editor("")
    image = Image.objects.create(title="Stare zdjęcie", file=get_test_image_file())  # from before the rule
    url = reverse("wagtailimages:edit", args=[image.pk])
    fields = {"title": "Stare zdjęcie", "collection": root_collection.pk}

    assert client.get(url).status_code == 200
    refused = client.post(url, {**fields, "description": ""})
    assert "description" in refused.context["form"].errors
    assert POLISH in refused.content.decode()
    assert client.post(url, {**fields, "description": "Dworzec w Opolu"}).status_code == 302
    assert Image.objects.get(pk=image.pk).description == "Dworzec w Opolu"


def test_the_choosers_upload_tab_asks_for_alt_text(login_as_editor, root_collection):
    client = login_as_editor("")
    data = {"image-chooser-upload-title": "Rynek", "image-chooser-upload-file": picture()}
    data["image-chooser-upload-collection"] = root_collection.pk

    response = client.post(reverse("wagtailimages_chooser:create"), data)

    assert POLISH in response.json()["htmlFragment"]
    assert not Image.objects.exists()
