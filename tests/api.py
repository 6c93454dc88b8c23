"""Fixtures and helpers for the public API tests: a small bilingual site, and JSON shape checks."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from events.factories import EventPageFactory
from events.models import EventPage, EventRelatedPractice
from partners.factories import PartnerPageFactory
from partners.models import PartnerPage
from practices.factories import PracticePageFactory, TopicFactory
from practices.models import PracticePage, Topic
from tests.conftest import build_polish_tree, build_site_tree, reloaded
from tests.utils import translate

WARSAW = ZoneInfo("Europe/Warsaw")


@dataclass
class Content:
    topic: Topic
    topic_cs: Topic
    partner: PartnerPage
    partner_cs: PartnerPage
    practice: PracticePage
    practice_cs: PracticePage
    event: EventPage
    event_cs: EventPage
    image: Image


@pytest.fixture
def content(site_tree, locale_cs):
    """One topic, partner, practice and upcoming event, each live in Polish and Czech.

    The practice's body links to the partner's page and shows an image, so the
    API's rich-text rewriting and renditions have something to work on.
    """
    return build_content(site_tree, locale_cs)


@pytest.fixture(scope="module")
def module_content(module_db):
    """`site_tree` and `content` built once per module (see `module_db`): translating them is slow."""
    tree = build_site_tree(build_polish_tree())
    return tree, build_content(tree, Locale.objects.get(language_code="cs"))


@pytest.fixture
def shared_content(module_content, db):
    """(`site_tree`, `content`) shared by a module's tests; the tree's pages are re-read for each test."""
    tree, content = module_content
    return reloaded(tree), content


def build_content(site_tree, locale_cs):
    topic = TopicFactory(name="Mobilność", slug="mobility", description="Transport.")
    topic_cs = translate(topic, locale_cs, {"Mobilność": "Mobilita", "Transport.": "Doprava."})
    image = Image.objects.create(title="Rynek", file=get_test_image_file(size=(640, 480)))
    partner = PartnerPageFactory(
        parent=site_tree.partners,
        title="Miasto Ołomuniec",
        slug="miasto-olomuniec",
        short_name="MO",
        country="CZ",
        latitude=Decimal("49.594"),
        longitude=Decimal("17.251"),
        logo=image,
    )
    partner_cs = translate(
        partner,
        locale_cs,
        {"Miasto Ołomuniec": "Statutární město Olomouc", "miasto-olomuniec": "mesto-olomouc", "MO": "SMO"},
    )
    practice = PracticePageFactory(
        parent=site_tree.practices,
        title="Wspólny bilet",
        slug="wspolny-bilet",
        summary="Jeden bilet w aglomeracji.",
        agglomeration="olomouc",
        nuts3_code="CZ071",
        latitude=Decimal("49.593"),
        longitude=Decimal("17.250"),
        start_date=datetime.date(2016, 3, 1),
        end_date=datetime.date(2019, 12, 31),
        main_image=image,
        challenge=f'<p>Zobacz <a linktype="page" id="{partner.pk}">partnera</a>.</p>',
        body=[
            {"type": "paragraph", "value": "<p>Opis.</p>", "id": "b1"},
            {
                "type": "image",
                "value": {"image": image.pk, "caption": "Rynek", "alt_text": "Rynek w Opolu"},
                "id": "b2",
            },
            {
                "type": "key_figures",
                "value": [{"type": "item", "value": {"value": "21", "label": "gmin"}, "id": "k1"}],
                "id": "b3",
            },
        ],
        topics=[topic],
        institutions=[partner],
        contact_name="Biuro",
        contact_email="biuro@example.org",
        contact_is_public=True,
    )
    practice_cs = translate(
        practice,
        locale_cs,
        {
            "Wspólny bilet": "Společná jízdenka",
            "wspolny-bilet": "spolecna-jizdenka",
            "Jeden bilet w aglomeracji.": "Jedna jízdenka v aglomeraci.",
            'Zobacz <a id="a1">partnera</a>.': 'Viz <a id="a1">partnera</a>.',
            "Opis.": "Popis.",
            "Rynek": "Náměstí",
            "Rynek w Opolu": "Náměstí v Opolí",
            "gmin": "obcí",
        },
        fallback=True,
    )
    start = timezone.now().astimezone(WARSAW).replace(microsecond=0) + datetime.timedelta(days=10)
    event = EventPageFactory(
        parent=site_tree.events,
        title="Spotkanie sieci",
        slug="spotkanie-sieci",
        event_type="network_meeting",
        start=start,
        end=start + datetime.timedelta(hours=5),
        city="Opole",
        country="PL",
        organiser=partner,
        related_practices=[EventRelatedPractice(practice=practice)],
    )
    event_cs = translate(
        event,
        locale_cs,
        {"Spotkanie sieci": "Setkání sítě", "spotkanie-sieci": "setkani-site", "Opole": "Opolí"},
        fallback=True,
    )
    return Content(topic, topic_cs, partner, partner_cs, practice, practice_cs, event, event_cs, image)


def declared_fields(serializer_class):
    """The field names a serializer declares, i.e. what the OpenAPI schema promises."""
    return set(serializer_class().fields)


def assert_list_queries_constant(client, url, total, django_assert_max_num_queries, most=8):
    """The same number of queries (at most `most`) for a page of 5 and a page of 100 `total` items.

    The first request builds what is memoised per content version (the public
    tree, renditions, counts), so the two measured requests compare like with like.
    """
    client.get(url, {"limit": 1})
    with django_assert_max_num_queries(most) as small:
        assert len(client.get(url, {"limit": 5}).json()["results"]) == min(5, total)
    with django_assert_max_num_queries(most) as large:
        assert len(client.get(url, {"limit": 100}).json()["results"]) == total
    assert len(small.captured_queries) == len(large.captured_queries)
