"""A practice's images speak each page's language: the alt text travels with the translation and the API serves it."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from practices.factories import PracticePageFactory
from tests.utils import translate

LIST = "/api/v2/practices/"

PRACTICE_CS = {
    "Wspólny bilet": "Společná jízdenka",
    "wspolny-bilet": "spolecna-jizdenka",
    "Krótki opis praktyki.": "Krátký popis praxe.",
    "Autobus na przystanku przy rynku w Opolu": "Autobus na zastávce u náměstí v Opolí",
    "Mapa linii autobusowych": "Mapa autobusových linek",
    "Opis.": "Popis.",
}


def image(description=""):
    return Image.objects.create(title="zdjecie.jpg", description=description, file=get_test_image_file())


@pytest.fixture
def practices(shared_site_tree, locale_cs):
    """A Polish practice with its own alt texts for the main image and a body image, and its Czech translation."""
    photo = image(description="Autobus (opis z biblioteki)")
    practice = PracticePageFactory(
        parent=shared_site_tree.practices,
        title="Wspólny bilet",
        slug="wspolny-bilet",
        main_image=photo,
        main_image_alt="Autobus na przystanku przy rynku w Opolu",
        body=[
            {"type": "paragraph", "value": "<p>Opis.</p>", "id": "p1"},
            {"type": "image", "value": {"image": photo.pk, "caption": "", "alt_text": "Mapa linii autobusowych"}},
        ],
    )
    practice.save_revision().publish()
    return practice, translate(practice, locale_cs, PRACTICE_CS)


def test_the_translator_gets_the_alt_texts_and_the_czech_page_keeps_its_own(practices):
    practice, practice_cs = practices

    assert practice_cs.main_image_alt == "Autobus na zastávce u náměstí v Opolí"
    assert practice_cs.body[1].value["alt_text"] == "Mapa autobusových linek"
    assert practice_cs.main_image_id == practice.main_image_id  # one picture, two descriptions


@pytest.mark.parametrize(
    ("language", "main_alt", "block_alt"),
    [
        ("pl", "Autobus na przystanku przy rynku w Opolu", "Mapa linii autobusowych"),
        ("cs", "Autobus na zastávce u náměstí v Opolí", "Mapa autobusových linek"),
    ],
)
def test_the_api_serves_each_languages_alt_text(client, practices, language, main_alt, block_alt):
    page = practices[0] if language == "pl" else practices[1]

    summary = client.get(LIST, {"locale": language}).json()["results"][0]
    detail = client.get(f"{LIST}{page.pk}/").json()

    assert summary["main_image"]["alt"] == main_alt
    assert detail["main_image"]["alt"] == main_alt
    block = detail["body"][1]["value"]
    assert block["image"]["alt"] == block_alt
    assert block["alt_text"] == block_alt


def test_without_its_own_text_a_page_serves_the_images_description(client, shared_site_tree):
    practice = PracticePageFactory(
        parent=shared_site_tree.practices,
        main_image=image(description="Rowery miejskie przed dworcem"),
        body=[{"type": "image", "value": {"image": image(description="Stacja rowerowa").pk, "alt_text": ""}}],
    )

    detail = client.get(f"{LIST}{practice.pk}/").json()

    assert detail["main_image"]["alt"] == "Rowery miejskie przed dworcem"
    assert detail["body"][0]["value"]["image"]["alt"] == "Stacja rowerowa"


def test_an_image_uploaded_before_alt_texts_were_required_still_shows(client, shared_site_tree):
    practice = PracticePageFactory(parent=shared_site_tree.practices, main_image=image(description=""))

    main_image = client.get(f"{LIST}{practice.pk}/").json()["main_image"]

    assert main_image["alt"] == ""
    assert set(main_image["renditions"]) == {"thumbnail", "medium", "large"}


def test_the_fallback_page_uses_the_pages_alt_text(client, practices):
    _practice, practice_cs = practices

    html = client.get(practice_cs.url).content.decode()

    assert 'alt="Autobus na zastávce u náměstí v Opolí"' in html
    assert 'alt="Mapa autobusových linek"' in html
    assert "zdjecie.jpg" not in html
