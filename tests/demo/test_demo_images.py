"""The demo's pictures are described in both languages: in the library, on each practice and in the API."""

from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Locale

from demo.loader import CONTENT_DIR
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def run_load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(module_db):
    return run_load_demo()


@pytest.fixture
def locales(demo_output, db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


def descriptions():
    """{image key: {pl, cs}} as written in images.yaml."""
    with open(CONTENT_DIR / "images.yaml", encoding="utf-8") as handle:
        return {spec["key"]: spec["description"] for spec in yaml.safe_load(handle)}


def image_key(image):
    return image.title.rsplit("[", 1)[1].rstrip("]")


def test_every_demo_image_has_its_polish_description_and_a_title_that_is_not_its_key(locales):
    images = list(Image.objects.all())

    assert len(images) == len(descriptions()) == 20
    for image in images:
        assert image.description == descriptions()[image_key(image)]["pl"]
        assert not image.title.startswith("Practice ")


def test_every_practice_describes_its_image_in_its_own_language(locales):
    practices = PracticePage.objects.select_related("main_image", "locale")

    assert practices.count() == 24
    for practice in practices:
        language = practice.locale.language_code
        assert practice.main_image_alt == descriptions()[image_key(practice.main_image)][language]


def test_the_api_serves_the_czech_description_of_a_czech_practice(locales, client):
    czech = PracticePage.objects.filter(locale=locales["cs"]).select_related("main_image").first()

    detail = client.get(f"/api/v2/practices/{czech.pk}/").json()

    assert detail["main_image"]["alt"] == descriptions()[image_key(czech.main_image)]["cs"]
    assert detail["main_image"]["alt"].startswith("Ilustrace dobré praxe")


def test_a_demo_loaded_before_alt_texts_gets_them_in_both_languages(locales):
    expected = dict(PracticePage.objects.values_list("pk", "main_image_alt"))
    Image.objects.update(description="")
    PracticePage.objects.update(main_image_alt="")

    output = run_load_demo()

    assert dict(PracticePage.objects.values_list("pk", "main_image_alt")) == expected
    assert not Image.objects.filter(description="").exists()
    assert "12 practice image alt texts" in output
    assert "20 image descriptions" in output
