"""The admin speaks each editor's language (Polish, Czech or English), whatever the content languages."""

import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse


def test_admin_languages_are_polish_czech_and_english():
    assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["pl", "cs", "en"]


def sidebar_label(html, item_name):
    """The label of a main-menu item, read from the sidebar's JSON props (the menu is drawn by JavaScript)."""
    props = BeautifulSoup(html, "html.parser").find("script", id="wagtail-sidebar-props").string
    menu_items = json.loads(props)["modules"][2]["_args"][0]
    return next(item["_args"][0]["label"] for item in menu_items if item["_args"][0]["name"] == item_name)


@pytest.mark.parametrize(("language", "pages"), [("cs", "Stránky"), ("pl", "Strony"), ("en", "Pages")])
def test_dashboard_is_in_the_editors_language(login_as_editor, language, pages):
    # The browser asks for German: the account setting wins.
    response = login_as_editor(language).get(reverse("wagtailadmin_home"), headers={"accept-language": "de"})

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert sidebar_label(html, "explorer") == pages


def test_admin_without_a_preference_is_polish(login_as_editor):
    response = login_as_editor("").get(reverse("wagtailadmin_home"))

    assert '<html lang="pl"' in response.content.decode()


def test_account_settings_offer_only_the_permitted_languages(login_as_editor):
    response = login_as_editor("cs").get(reverse("wagtailadmin_account"))

    select = BeautifulSoup(response.content, "html.parser").find("select", attrs={"name": "locale-preferred_language"})
    assert {option["value"] for option in select.find_all("option")} == {"", "pl", "cs", "en"}
