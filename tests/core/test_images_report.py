"""Reports → Images without alternative text: exactly the undescribed images, for people who may change images."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from translation.roles import group_name, setup_roles

REPORT = "images_without_alt"


@pytest.fixture
def person(shared_site_tree, django_user_model, client):
    """Log in someone with one of the project's roles, e.g. person("editor", "pl")."""
    setup_roles()

    def log_in(role, code):
        user = django_user_model.objects.create_user(f"{role}-{code}", f"{role}-{code}@example.org", "password")
        user.groups.add(Group.objects.get(name=group_name(role, code)))
        client.force_login(user)
        return client

    return log_in


@pytest.fixture
def images(db):
    def image(title, description):
        return Image.objects.create(title=title, description=description, file=get_test_image_file())

    return [
        image("Stary dworzec", ""),
        image("Rynek w Opolu", "Ratusz i kamienice na rynku w Opolu"),
        image("Most na Odrze", ""),
    ]


def listed_titles(response):
    return re.findall(r'<a href="/admin/images/\d+/"[^>]*>\s*([^<]+?)\s*</a>', response.content.decode())


def test_an_editor_sees_exactly_the_images_without_alt_text_newest_first(person, images):
    client = person("editor", "pl")

    response = client.get(reverse(REPORT))

    assert response.status_code == 200
    assert listed_titles(response) == ["Most na Odrze", "Stary dworzec"]
    assert "Obrazy bez tekstu alternatywnego" in response.content.decode()


def test_once_described_an_image_leaves_the_report(person, images):
    client = person("editor", "pl")
    images[0].description = "Dworzec kolejowy w Opolu"
    images[0].save()

    assert listed_titles(client.get(reverse(REPORT))) == ["Most na Odrze"]


def test_the_report_is_in_the_reports_menu_of_those_who_may_change_images(person, images):
    editor_menu = person("editor", "pl").get(reverse("wagtailadmin_home")).content.decode()
    translator = person("translator", "cs")
    translator_menu = translator.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse(REPORT) in editor_menu
    assert reverse(REPORT) not in translator_menu


@pytest.mark.parametrize("role", ["translator", "reviewer"])
def test_people_who_may_only_choose_images_cannot_open_it(person, images, role):
    client = person(role, "cs")

    response = client.get(reverse(REPORT))

    assert response.status_code in (302, 403)
    assert "Stary dworzec" not in response.content.decode()
