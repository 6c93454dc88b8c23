"""Content languages are configuration: a third one needs settings plus `sync_locales`, no code."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from core.locales import sync_content_locales
from practices.factories import PracticePageFactory
from tests.utils import translate

WITH_ENGLISH = [("pl", "Polski"), ("cs", "Čeština"), ("en", "English")]


def run_sync_locales():
    out = StringIO()
    call_command("sync_locales", stdout=out)
    return out.getvalue()


def test_migrations_create_polish_and_czech(db):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"pl", "cs"}
    assert Locale.get_default().language_code == "pl"


def test_sync_locales_with_the_default_languages_creates_nothing(db):
    output = run_sync_locales()

    assert Locale.objects.count() == 2
    assert "already have a locale" in output


@pytest.fixture
def english(db):
    """Settings as if CONTENT_LANGUAGES=pl:Polski,cs:Čeština,en:English, and `sync_locales` run once."""
    with override_settings(WAGTAIL_CONTENT_LANGUAGES=WITH_ENGLISH, LANGUAGES=WITH_ENGLISH):
        output = run_sync_locales()
        yield output


def test_sync_locales_creates_a_newly_configured_language(english):
    assert "Created locales: en" in english
    assert Locale.objects.filter(language_code="en").exists()
    assert Locale.objects.count() == 3


def test_sync_locales_twice_creates_nothing_more(english):
    assert sync_content_locales(Locale) == []
    assert "already have a locale" in run_sync_locales()
    assert Locale.objects.count() == 3


def test_practice_can_be_translated_to_the_new_language(english, polish_tree, django_capture_on_commit_callbacks):
    en = Locale.objects.get(language_code="en")
    translate(polish_tree.home, en, {"Strona główna": "Home", "strona-glowna": "home"}, fallback=True)
    translate(polish_tree.practices, en, {"Dobre praktyki": "Good practices", "dobre-praktyki": "good-practices"})
    practice = PracticePageFactory(parent=polish_tree.practices, title="Wspólny bilet", slug="wspolny-bilet")

    # What the admin's "Translate" action does: an English draft in the English tree.
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(practice, [en])
    draft = practice.get_translation(en)
    assert draft.get_parent().locale == en
    assert draft.live is False

    # The translator's strings, then publish.
    practice_en = translate(
        practice,
        en,
        {"Wspólny bilet": "Joint ticket", "wspolny-bilet": "joint-ticket", practice.summary: "A short description."},
    )

    assert practice_en.pk == draft.pk
    assert practice_en.title == "Joint ticket"
    assert practice_en.live is True
    assert practice_en.url == "/en/good-practices/joint-ticket/"
    assert practice_en.start_date == practice.start_date
