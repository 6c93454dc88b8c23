"""Practices through wagtail-localize: text is translated, facts follow the Polish source."""

import datetime
from decimal import Decimal

import pytest
from wagtail_localize.operations import translate_object

from partners.factories import PartnerPageFactory
from practices.factories import PracticePageFactory, TopicFactory
from tests.utils import translate

PRACTICE_CS = {
    "Wspólny bilet aglomeracyjny": "Společná aglomerační jízdenka",
    "wspolny-bilet": "spolecna-jizdenka",
    "Jeden bilet na autobusy w całej aglomeracji.": "Jedna jízdenka na autobusy v celé aglomeraci.",
    "Opole": "Opolí",
}


@pytest.fixture
def topic(locale_cs):
    """A Polish topic already translated to Czech, as the demo and editors do before tagging practices."""
    topic = TopicFactory(name="Mobilność i transport", slug="mobility", description="Bilety, rowery, kolej.")
    translate(topic, locale_cs, {"Mobilność i transport": "Mobilita a doprava", "Bilety, rowery, kolej.": "Jízdenky."})
    return topic


@pytest.fixture
def practice(shared_site_tree, topic):
    partner = PartnerPageFactory(parent=shared_site_tree.partners, title="Stowarzyszenie Aglomeracja Opolska")
    practice = PracticePageFactory(
        parent=shared_site_tree.practices,
        title="Wspólny bilet aglomeracyjny",
        slug="wspolny-bilet",
        summary="Jeden bilet na autobusy w całej aglomeracji.",
        municipality="Opole",
        latitude=Decimal("50.675100"),
        longitude=Decimal("17.921300"),
        start_date=datetime.date(2016, 3, 1),
        end_date=datetime.date(2019, 12, 31),
        budget_amount=Decimal("1250000.00"),
        budget_currency="PLN",
        topics=[topic],
        institutions=[partner],
    )
    practice.save_revision().publish()
    return practice


def test_czech_practice_has_czech_text_and_czech_topics(practice, topic, shared_site_tree, locale_cs):
    practice_cs = translate(practice, locale_cs, PRACTICE_CS)

    assert practice_cs.locale == locale_cs
    assert practice_cs.get_parent().pk == shared_site_tree.practices_cs.pk
    assert (practice_cs.title, practice_cs.slug, practice_cs.municipality) == (
        "Společná aglomerační jízdenka",
        "spolecna-jizdenka",
        "Opolí",
    )
    # Topic links are translated: they point at the Czech topic, not the Polish one.
    assert [link.topic for link in practice_cs.topic_links.all()] == [topic.get_translation(locale_cs)]
    assert practice_cs.topic_links.get().topic.name == "Mobilita a doprava"
    # Institutions are synchronised: the same partner page, localised only when read.
    assert [link.partner_id for link in practice_cs.institutions.all()] == [
        link.partner_id for link in practice.institutions.all()
    ]


def test_source_changes_reach_synchronised_fields_and_keep_the_czech_title(practice, locale_cs):
    practice_cs = translate(practice, locale_cs, PRACTICE_CS)
    assert practice_cs.title == "Společná aglomerační jízdenka"

    practice.title = "Wspólny bilet dla całej aglomeracji"
    practice.latitude, practice.longitude = Decimal("50.670000"), Decimal("17.950000")
    practice.start_date, practice.end_date = datetime.date(2015, 9, 1), datetime.date(2020, 6, 30)
    practice.budget_amount, practice.budget_currency = Decimal("310000.00"), "EUR"
    practice.save_revision().publish()
    translate(practice, locale_cs, {"Wspólny bilet dla całej aglomeracji": "Společná jízdenka pro celou aglomeraci"})

    practice_cs.refresh_from_db()
    assert (practice_cs.latitude, practice_cs.longitude) == (Decimal("50.670000"), Decimal("17.950000"))
    assert (practice_cs.start_date, practice_cs.end_date) == (datetime.date(2015, 9, 1), datetime.date(2020, 6, 30))
    assert (practice_cs.budget_amount, practice_cs.budget_currency) == (Decimal("310000.00"), "EUR")
    assert practice_cs.title == "Společná jízdenka pro celou aglomeraci"
    assert practice_cs.summary == "Jedna jízdenka na autobusy v celé aglomeraci."
    assert practice_cs.slug == "spolecna-jizdenka"


def test_translating_a_live_practice_leaves_the_czech_copy_unpublished(
    practice, locale_cs, django_capture_on_commit_callbacks
):
    """WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off: a person publishes the Czech page."""
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(practice, [locale_cs])

    practice_cs = practice.get_translation(locale_cs)
    assert practice.live is True
    assert practice_cs.live is False
