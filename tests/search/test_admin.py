"""Editors manage place-name synonyms as a snippet; the migration seeds the region's towns."""

import pytest
from django.urls import reverse

from search.models import PlaceName


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "password"))
    return client


def test_the_region_s_main_towns_are_seeded(db):
    names = {(place.polish, place.czech) for place in PlaceName.objects.all()}

    assert {("Opole", "Opolí"), ("Ołomuniec", "Olomouc"), ("Przerów", "Přerov"), ("Szternberk", "Šternberk")} <= names
    assert ("Kędzierzyn-Koźle", "Kędzierzyn-Koźle") in names


def test_editors_list_and_add_place_names(admin_client):
    listing = admin_client.get(reverse("wagtailsnippets_search_placename:list"))
    assert listing.status_code == 200
    assert "Ołomuniec" in listing.content.decode()

    response = admin_client.post(
        reverse("wagtailsnippets_search_placename:add"),
        {"polish": "Głogówek", "czech": "Horní Hlohov", "other_names": "Oberglogau"},
    )

    assert response.status_code == 302
    assert PlaceName.objects.get(polish="Głogówek").names() == ["Głogówek", "Horní Hlohov", "Oberglogau"]


def test_a_name_without_letters_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_search_placename:add"), {"polish": "—", "czech": "Brno", "other_names": ""}
    )

    assert response.status_code == 200
    assert not PlaceName.objects.filter(czech="Brno", polish="—").exists()
