"""Readable ASCII slugs: transliterated in the admin as the editor types, made from a translation's own title."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from core.slugs import LETTERS, SLUG_FORMATTERS, readable_slug
from practices.factories import PracticePageFactory
from tests.utils import translate


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Wspólna sieć Opole–Ołomuniec", "wspolna-siec-opole-olomuniec"),
        ("Rowerowa aglomeracja — Opole – Ołomuniec", "rowerowa-aglomeracja-opole-olomuniec"),
        ("Společná jízdenka: Přerov & Šternberk", "spolecna-jizdenka-prerov-sternberk"),
        ("ŻÓŁW, ŹRÓDŁO", "zolw-zrodlo"),
    ],
)
def test_a_title_reads_as_an_ascii_slug(title, slug):
    assert readable_slug(title) == slug


def test_the_admins_transliteration_agrees_with_the_servers():
    for ascii_letter, letters in LETTERS.items():
        assert {readable_slug(letter) for letter in letters} == {ascii_letter}
    assert len(SLUG_FORMATTERS) == len(LETTERS) + 1


def test_the_admin_slug_field_transliterates_instead_of_dropping(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", site_tree.practices.pk])

    html = admin_client.get(url).content.decode()

    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    formatters = json.loads(unescape(re.search(r'data-w-slug-formatters-value="([^"]*)"', slug_input).group(1)))
    assert ["[łŁ]", "l"] in [[pattern, replacement] for (pattern, _flags), replacement in formatters]
    # Wagtail writes the setting as a boolean attribute: absent means ASCII only.
    assert "data-w-slug-allow-unicode-value" not in slug_input


def practice(parent, **kwargs):
    fields = {"title": "Wspólna sieć Opole–Ołomuniec", "slug": "wspolna-siec-opole-olomuniec", "summary": "Sieć."}
    return PracticePageFactory(parent=parent, **{**fields, **kwargs})


CZECH = {"Wspólna sieć Opole–Ołomuniec": "Společná síť Opole–Olomouc", "Sieć.": "Síť."}


def test_a_translation_left_with_its_sources_slug_gets_one_from_its_title(site_tree, locale_cs):
    source = practice(site_tree.practices)

    translated = translate(source, locale_cs, {**CZECH, "wspolna-siec-opole-olomuniec": "wspolna-siec-opole-olomuniec"})

    assert translated.slug == "spolecna-sit-opole-olomouc"
    assert translated.url_path.endswith("/spolecna-sit-opole-olomouc/")


def test_the_derived_slug_is_unique_among_siblings(site_tree, locale_cs):
    PracticePageFactory(parent=site_tree.practices_cs, title="Jiná", slug="spolecna-sit-opole-olomouc")

    translated = translate(practice(site_tree.practices), locale_cs, {**CZECH, "wspolna-siec-opole-olomuniec": "x"})

    assert translated.slug == "x"
    other = translate(
        practice(site_tree.practices, slug="druga-siec"), locale_cs, {**CZECH, "druga-siec": "druga-siec"}
    )
    assert other.slug == "spolecna-sit-opole-olomouc-1"


def test_a_slug_the_translator_wrote_is_kept(site_tree, locale_cs):
    translated = translate(
        practice(site_tree.practices), locale_cs, {**CZECH, "wspolna-siec-opole-olomuniec": "sit-opole-olomouc"}
    )

    assert translated.slug == "sit-opole-olomouc"


def test_a_published_translations_slug_stays_when_its_source_changes(site_tree, locale_cs):
    source = practice(site_tree.practices)
    translated = translate(source, locale_cs, {**CZECH, "wspolna-siec-opole-olomuniec": "wspolna-siec-opole-olomuniec"})
    source.title = "Sieć Opole–Ołomuniec"
    source.save_revision().publish()

    retranslated = translate(
        source, locale_cs, {"Sieć Opole–Ołomuniec": "Síť Opole–Olomouc", "Sieć.": "Síť.", source.slug: source.slug}
    )

    assert retranslated.pk == translated.pk
    assert retranslated.slug == "spolecna-sit-opole-olomouc"
