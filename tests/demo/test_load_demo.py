"""`manage.py load_demo` builds the bilingual demo site through wagtail-localize, and a second run changes nothing.

The demo is loaded once for the module (it takes several seconds) inside a
transaction that is rolled back afterwards; each test runs in a savepoint of it.
"""

from io import StringIO

import pytest
import yaml
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.loader import CONTENT_DIR
from events.models import EventPage
from home.models import HomePage, StandardPage
from partners.models import PartnerPage
from practices.models import PracticePage, PracticeTopic, Topic

# Every test here needs the database: this also keeps them together when pytest-django
# sorts database tests first, so the module's demo is loaded only once.
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


def content_keys(name):
    with open(CONTENT_DIR / name, encoding="utf-8") as handle:
        return [item["key"] for item in yaml.safe_load(handle)]


def test_first_run_reports_what_it_created(demo_output):
    assert demo_output.startswith("Demo content loaded: ")
    assert "practices.PracticePage" in demo_output


@pytest.mark.parametrize(
    ("model", "minimum"),
    [(PracticePage, 12), (EventPage, 8), (PartnerPage, 3), (Topic, len(content_keys("topics.yaml")))],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_every_object_exists_in_both_languages(locales, model, minimum):
    counts = {code: model.objects.filter(locale=locale).count() for code, locale in locales.items()}

    assert counts["pl"] == counts["cs"]
    assert counts["pl"] >= minimum


def test_demo_has_exactly_three_partners(locales):
    assert PartnerPage.objects.filter(locale=locales["pl"]).count() == 3


def test_every_page_has_a_live_translation(locales):
    pages = Page.objects.filter(depth__gte=2).select_related("locale")
    assert pages.count() > 2 * (12 + 8 + 3)

    for page in pages:
        other = locales["cs" if page.locale.language_code == "pl" else "pl"]
        translation = page.get_translation_or_none(other)
        assert translation is not None, f"{page} has no {other} translation"
        assert page.live and translation.live, f"{page} or its translation is not live"


def test_every_topic_is_published_in_both_languages(locales):
    for topic in Topic.objects.all():
        assert topic.live and not topic.has_unpublished_changes, f"{topic} is not published"
        assert topic.live_revision == topic.latest_revision, f"{topic} has no published revision"


@pytest.mark.parametrize("model", [PracticePage, EventPage, PartnerPage], ids=lambda model: model.__name__)
def test_titles_are_translated(locales, model):
    for page in model.objects.filter(locale=locales["pl"]):
        translation = page.get_translation(locales["cs"])
        assert page.title != translation.title, f"{page} has the same title in both languages"
        if hasattr(page, "summary") and page.summary:
            assert page.summary != translation.summary, f"{page} has the same summary in both languages"


def test_only_the_two_home_pages_sit_under_the_root(locales):
    homes = Page.objects.filter(depth=2).specific()

    assert {type(page) for page in homes} == {HomePage}
    assert {page.locale.language_code for page in homes} == {"pl", "cs"}
    assert Site.objects.get(is_default_site=True).root_page.specific == HomePage.objects.get(locale=locales["pl"])


def test_some_practices_were_written_in_czech_first(locales):
    czech_sources = TranslationSource.objects.filter(
        locale=locales["cs"], specific_content_type=ContentType.objects.get_for_model(PracticePage)
    )

    assert czech_sources.count() >= 2
    for source in czech_sources:
        practice = source.get_source_instance()
        assert practice.locale == locales["cs"]
        assert practice.get_translation(locales["pl"]).live


def test_czech_practices_link_czech_topics_and_the_same_partners(locales):
    for practice in PracticePage.objects.filter(locale=locales["cs"]):
        polish = practice.get_translation(locales["pl"])
        assert practice.topic_links.exists()
        topic_locales = {link.topic.locale.language_code for link in practice.topic_links.all()}
        assert topic_locales == {"cs"}, f"{practice} (Czech) links topics in {topic_locales}"
        assert sorted(link.topic.translation_key for link in practice.topic_links.all()) == sorted(
            link.topic.translation_key for link in polish.topic_links.all()
        )
        assert [link.partner_id for link in practice.institutions.all()] == [
            link.partner_id for link in polish.institutions.all()
        ]


def test_linked_institutions_topics_and_contacts_keep_the_demo_files_order(locales):
    # Without an order of their own the database may return them in any order (a flaky comparison once).
    for page in [*PracticePage.objects.all(), *PartnerPage.objects.all()]:
        for children in ("institutions", "topic_links", "contacts"):
            if hasattr(page, children):
                orders = [child.sort_order for child in getattr(page, children).all()]
                assert orders == list(range(len(orders))), f"{page} {children}: {orders}"


def test_every_demo_page_is_valid(locales):
    for page in Page.objects.filter(depth__gte=2).specific():
        page.full_clean()
        assert len(getattr(page, "summary", "")) <= 300, f"{page}: summary longer than 300 characters"


def test_calendar_has_upcoming_and_past_events(locales):
    now = timezone.now()
    events = EventPage.objects.filter(locale=locales["pl"])

    assert events.filter(start__gt=now).exists()
    assert events.filter(end__lt=now).exists()


def test_second_run_changes_nothing(locales):
    tracked = (Page, Revision, Image, Topic, PracticeTopic, StringTranslation, Translation, TranslationSource)

    def counts():
        return {model.__name__: model.objects.count() for model in tracked}

    def latest_revisions():
        return dict(Page.objects.filter(depth__gte=2).values_list("pk", "latest_revision_id"))

    before, revisions_before = counts(), latest_revisions()

    output = run_load_demo()

    assert counts() == before
    assert latest_revisions() == revisions_before
    assert output.strip() == "Demo content already loaded; nothing changed."


def test_an_accessibility_statement_follows_each_country_s_statutory_structure(locales):
    polish = StandardPage.objects.get(locale=locales["pl"], slug="deklaracja-dostepnosci")
    czech = polish.get_translation(locales["cs"])

    def headings(page):
        return [block.value for block in page.body if block.block_type == "heading"]

    assert {
        "Status pod względem zgodności z ustawą",
        "Treści niedostępne",
        "Przygotowanie deklaracji dostępności",
        "Informacje zwrotne i dane kontaktowe",
        "Obsługa wniosków i skarg związanych z dostępnością",
        "Dostępność architektoniczna",
    } <= set(headings(polish))
    assert {
        "Stav souladu",
        "Nepřístupný obsah",
        "Vypracování tohoto prohlášení o přístupnosti",
        "Zpětná vazba a kontaktní údaje",
        "Postupy pro vymáhání",
    } <= set(headings(czech))
    assert (polish.title, czech.title) == ("Deklaracja dostępności", "Prohlášení o přístupnosti")
    assert czech.live and czech.intro.startswith("Prohlášení o přístupnosti")


@pytest.mark.parametrize(
    ("locale", "main", "footer"),
    [
        (
            "pl",
            ["Dobre praktyki", "Wydarzenia", "Partnerzy", "O projekcie"],
            ["O projekcie", "Kontakt", "Deklaracja dostępności"],
        ),
        (
            "cs",
            ["Dobrá praxe", "Akce", "Partneři", "O projektu"],
            ["O projektu", "Kontakt", "Prohlášení o přístupnosti"],
        ),
    ],
)
def test_the_menu_shows_the_sections_and_about_and_the_footer_the_standard_pages(locales, client, locale, main, footer):
    navigation = client.get("/api/v2/navigation/", {"locale": locale}).json()

    assert [item["title"] for item in navigation["main"]] == main
    assert [item["title"] for item in navigation["footer"]] == footer


def test_a_demo_loaded_before_the_menu_flags_gets_them(locales):
    flagged = list(Page.objects.filter(show_in_menus=True).values_list("pk", flat=True))
    Page.objects.filter(pk__in=flagged).update(show_in_menus=False)

    output = run_load_demo()

    assert sorted(Page.objects.filter(show_in_menus=True).values_list("pk", flat=True)) == sorted(flagged)
    assert len(flagged) == 8
    assert f"{len(flagged)} show_in_menus changes" in output
