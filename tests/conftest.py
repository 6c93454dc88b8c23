"""Shared fixtures: the two content locales and the site skeleton, Polish only or bilingual."""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventIndexPage
from home.factories import HomePageFactory, StandardPageFactory
from home.models import HomePage
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from partners.models import PartnerIndexPage
from practices.factories import PracticeIndexPageFactory, PracticePageFactory
from practices.models import PracticeIndexPage
from tests.utils import translate

# The public API tests' bilingual content (`content` fixture) and the headless browser fixtures.
pytest_plugins = ["tests.api", "tests.browser"]


def pytest_configure(config):
    # WhiteNoise warns on every request that STATIC_ROOT was never collected; tests serve no static files.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


def pytest_terminal_summary(terminalreporter):
    """Figures a test records with `record_property("summary", ...)` (e.g. search relevance), after the run."""
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "summary":
                terminalreporter.write_line(value)


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test's database changes are rolled back; what the code cached about them must go too."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rate_limit(settings, monkeypatch):
    """Three requests a minute, all inside one window.

    The throttle counts in fixed windows, so a test whose requests straddle a
    minute boundary would start a fresh count (it did in CI, under load): its
    clock is pinned to the middle of a window.
    """
    settings.API_THROTTLE_RATE = "3/minute"
    monkeypatch.setattr("core.api.throttling.time", SimpleNamespace(time=lambda: 1_800_000_030.0))


@pytest.fixture
def locale_pl(db):
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def locale_cs(db):
    return Locale.objects.get(language_code="cs")


@dataclass
class PolishTree:
    root: Page
    home: HomePage
    practices: PracticeIndexPage
    events: EventIndexPage
    partners: PartnerIndexPage


@dataclass
class SiteTree(PolishTree):
    home_cs: HomePage
    practices_cs: PracticeIndexPage
    events_cs: EventIndexPage
    partners_cs: PartnerIndexPage


# Czech texts of the skeleton, as a translator would enter them.
SKELETON_CS = {
    "Strona główna": "Úvodní stránka",
    "strona-glowna": "uvodni-stranka",
    "Razem dla rozwoju aglomeracji": "Společně pro rozvoj aglomerací",
    "Dobre praktyki": "Dobré praxe",
    "dobre-praktyki": "dobre-praxe",
    "Wydarzenia": "Akce",
    "wydarzenia": "akce",
    "Partnerzy": "Partneři",
    "partnerzy": "partneri",
}


def build_polish_tree():
    """The Polish home, made the default site's root, with the three index pages under it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(title="Strona główna", slug="strona-glowna")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return PolishTree(
        root=root,
        home=home,
        practices=PracticeIndexPageFactory(parent=home),
        events=EventIndexPageFactory(parent=home),
        partners=PartnerIndexPageFactory(parent=home),
    )


@pytest.fixture
def polish_tree(db):
    return build_polish_tree()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """For data shared by a module's tests: made once, in a transaction rolled back after the module.

    Each test still asks for `db` and runs in a savepoint inside that
    transaction; it must re-read shared objects instead of changing them.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def module_tree(module_db):
    """`polish_tree`, built once per module."""
    return build_polish_tree()


@pytest.fixture(scope="module")
def tree_pages(module_tree):
    """One page of every type, by name, as candidate parents for the page-tree rules (read-only)."""
    return {
        "root": module_tree.root,
        "home": module_tree.home,
        "standard": StandardPageFactory(parent=module_tree.home),
        "practices": module_tree.practices,
        "practice": PracticePageFactory(parent=module_tree.practices),
        "events": module_tree.events,
        "event": EventPageFactory(parent=module_tree.events),
        "partners": module_tree.partners,
        "partner": PartnerPageFactory(parent=module_tree.partners),
    }


def build_site_tree(polish_tree):
    """Translate `polish_tree` to Czech through wagtail-localize, live, the home first.

    Translating a page before its parent has a Czech version would copy the
    Polish parent (with its Polish title) into the Czech tree.
    """
    locale_cs = Locale.objects.get(language_code="cs")
    pages = (polish_tree.home, polish_tree.practices, polish_tree.events, polish_tree.partners)
    home_cs, practices_cs, events_cs, partners_cs = (translate(page, locale_cs, SKELETON_CS) for page in pages)
    return SiteTree(
        **vars(polish_tree),
        home_cs=home_cs,
        practices_cs=practices_cs,
        events_cs=events_cs,
        partners_cs=partners_cs,
    )


def reloaded(tree):
    """`tree` with every page read again: shared instances go stale (e.g. their child count) between tests."""
    return type(tree)(**{name: Page.objects.get(pk=page.pk).specific for name, page in vars(tree).items()})


@pytest.fixture
def site_tree(polish_tree):
    """`polish_tree` plus its Czech translation, all live."""
    return build_site_tree(polish_tree)


@pytest.fixture(scope="module")
def module_site_tree(module_db):
    return build_site_tree(build_polish_tree())


@pytest.fixture
def shared_site_tree(module_site_tree, db):
    """`site_tree` built once per module (see `module_db`), with fresh page instances for each test."""
    return reloaded(module_site_tree)


@pytest.fixture
def login_as_editor(client, django_user_model, polish_tree):
    """Log in a superuser whose Wagtail account asks for the admin in `language` ('' = server language)."""

    def login(language):
        user = django_user_model.objects.create_superuser(f"editor-{language}", "editor@example.org", "password")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return login
