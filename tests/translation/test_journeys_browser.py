"""The proof of the admin journeys: the demo's people, in their own admin languages, take a new practice from
the editor's first keystroke to the reviewer's approval, in a real browser, in both directions.

The editor (in their language's admin) writes and publishes a practice and submits it for translation; the
other language's translator finds it in their queue, has it machine-translated, checks the machine's strings
one by one, rewrites the title and submits it; that language's reviewer sees its progress, previews it,
approves it, and the portal's API serves it. On every screen visited, no text of the other language and no
English original of a translated string may appear (`tests.translation.admin_texts`). Screenshots of every
step: test-artifacts/journey-<source>-<n>-<person>-<screen>.png.
"""

import re
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from playwright.sync_api import expect
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment

from practices.factories import TopicFactory
from practices.models import PracticePage
from tests.browser import PASSWORD, log_in
from tests.conftest import build_polish_tree, build_site_tree
from tests.translation.admin_texts import foreign_texts, read, script_text
from translation.status import translation_into_locale_of

pytestmark = pytest.mark.usefixtures("migrated_data_each")


@dataclass(frozen=True)
class Direction:
    source: str
    target: str
    title: str
    summary: str
    slug: str
    topic: str
    translated_title: str
    translated_slug: str


DIRECTIONS = {
    "pl-to-cs": Direction(
        "pl",
        "cs",
        "Wspólny bilet Opole–Ołomuniec",
        "Jeden bilet na autobusy i pociągi między Opolem a Ołomuńcem.",
        "wspolny-bilet-opole-olomuniec",
        "Transport publiczny",
        "Společná jízdenka Opole–Olomouc",
        "spolecna-jizdenka-opole-olomouc",
    ),
    "cs-to-pl": Direction(
        "cs",
        "pl",
        "Stáže úředníků v Opolí",
        "Úředníci z Olomouce poznávají práci opolských úřadů.",
        "staze-uredniku-v-opoli",
        "Spolupráce úřadů",
        "Staże urzędników w Opolu",
        "staze-urzednikow-w-opolu",
    ),
}


def in_language(language, text, **values):
    with override(language):
        return _(text) % values if values else _(text)


class Journey:
    """One browser walking the admin as several people; every screen is read and photographed."""

    def __init__(self, page, base, artifacts_dir, direction):
        self.page, self.base, self.artifacts_dir, self.direction = page, base, artifacts_dir, direction
        self.shown = {"pl": [], "cs": []}
        self.step = 0
        self.person = self.language = None

    def log_in(self, username, language):
        self.person, self.language = username, language
        log_in(self.page, self.base, username)
        self.seen("dashboard")

    def go(self, path, screen):
        self.page.goto(f"{self.base}{path}")
        self.seen(screen)

    def seen(self, screen):
        """Read the screen as the current person sees it, and photograph it."""
        self.shown[self.language].append(read(self.page))
        self.step += 1
        name = f"journey-{self.direction.source}-{self.step:02d}-{self.person}-{screen}.png"
        self.page.screenshot(path=str(self.artifacts_dir / name), full_page=True)

    def foreign_texts(self):
        return {language: foreign_texts(language, "\n".join(texts)) for language, texts in self.shown.items()}


def build_site(direction):
    """Both trees, the demo's people (named, each with their admin language) and a topic in the source language."""
    tree = build_site_tree(build_polish_tree())
    call_command("setup_roles", "--demo-users", "--password", PASSWORD, verbosity=0)
    topic = TopicFactory(name=direction.topic, slug="topic", locale=Locale.objects.get(language_code=direction.source))
    index = tree.practices if direction.source == "pl" else tree.practices_cs
    return index, topic


def editor_writes_and_publishes(journey, index, topic):
    page, direction, language = journey.page, journey.direction, journey.direction.source
    journey.log_in(f"editor-{language}", language)
    journey.go(reverse("wagtailadmin_explore", args=[index.pk]), "explorer")
    journey.go(reverse("wagtailadmin_pages:add", args=["practices", "practicepage", index.pk]), "new")
    page.fill("#id_title", direction.title)
    page.fill("#id_summary", direction.summary)
    with override(language):
        choose_topic = _("Choose %(object)s") % {"object": topic._meta.verbose_name}
    page.get_by_role("button", name=choose_topic).click()
    page.locator(".modal").get_by_role("link", name=topic.name).click()
    expect(page.locator(".modal")).to_be_hidden()
    page.select_option("#id_agglomeration", index=1)
    page.select_option("#id_funding_source", index=1)
    page.fill("#id_start_date", "2025-03-01")
    page.check("#id_is_ongoing")
    journey.seen("filled")
    page.locator("footer").get_by_role("button", name=in_language(language, "More actions")).click()
    with page.expect_navigation():
        page.locator("button[name=action-publish]").click()
    practice = PracticePage.objects.get(title=direction.title)
    assert practice.live
    assert practice.slug == direction.slug
    journey.seen("published")
    return practice


def editor_submits_for_translation(journey, practice):
    page = journey.page
    target_locale = Locale.objects.get(language_code=journey.direction.target)
    journey.go(reverse("wagtailadmin_pages:edit", args=[practice.pk]), "source")
    journey.go(reverse("wagtail_localize:submit_page_translation", args=[practice.pk]), "submit-translation")
    page.check(f"input[name=locales][value='{target_locale.pk}']")
    with page.expect_navigation():
        page.locator("form [type=submit]").last.click()
    # The editor lands on the source page, with a success message and no "no permission" error.
    assert page.url.endswith(reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    expect(page.locator(".messages .success")).to_be_visible()
    expect(page.locator(".messages .error")).to_have_count(0)
    journey.seen("submitted")
    return practice.get_translation(target_locale)


def translator_translates(journey, target):
    page, direction, language = journey.page, journey.direction, journey.direction.target
    journey.log_in(f"translator-{language}", language)
    queue = page.locator("[data-translation-queue]")
    expect(queue).to_contain_text(direction.title)
    queue.get_by_role("link", name=direction.title).click()
    page.wait_for_url(re.compile(rf".*/admin/pages/{target.pk}/edit/$"))
    journey.seen("editor")

    machine = script_text(language, "Translate with ") + in_language(language, "Dummy translator")
    with page.expect_navigation():
        page.get_by_role("button", name=machine, exact=True).click()
    journey.seen("machine-translated")
    page.click("[data-check-machine-strings]")
    page.wait_for_selector("[data-machine-strings]")
    journey.seen("machine-strings")
    for checkbox in page.locator("input[name=confirm]").all():
        checkbox.check()
    with page.expect_navigation():
        page.locator("[data-machine-strings] [type=submit]").click()
    expect(page.locator("input[name=confirm]")).to_have_count(0)
    journey.seen("machine-strings-confirmed")

    # The title, rewritten by hand in the translation editor.
    journey.go(reverse("wagtailadmin_pages:edit", args=[target.pk]), "editor-checked")
    # The title is the editor's first text; its "Edit" opens a text box in place, "Save" stores it.
    page.get_by_role("button", name=script_text(language, "Edit"), exact=True).first.click()
    page.locator("textarea").first.fill(direction.translated_title)
    page.get_by_role("button", name=script_text(language, "Save"), exact=True).first.click()
    expect(page.get_by_text(direction.translated_title).first).to_be_visible()
    journey.seen("title-translated")
    page.click("[data-submit-for-review]")
    page.wait_for_selector("[data-review-state=in_review]")
    journey.seen("submitted-for-review")


def reviewer_approves(journey, target):
    page, direction, language = journey.page, journey.direction, journey.direction.target
    journey.log_in(f"reviewer-{language}", language)
    queue = page.locator("[data-review-queue]")
    total = StringSegment.objects.filter(source=translation_into_locale_of(target).source).count()
    done = in_language(language, "%(translated)s of %(total)s translated", translated=total, total=total)
    expect(queue.locator("[data-review-progress]").first).to_contain_text(done)
    queue.get_by_role("link", name=direction.translated_title).click()
    page.wait_for_url(re.compile(rf".*/admin/pages/{target.pk}/edit/$"))
    journey.seen("in-review")
    footer = page.locator("[data-translation-footer]")
    footer.get_by_role("button", name=in_language(language, "More actions")).click()
    footer.locator("[data-review-preview-link]").click()
    page.wait_for_url(re.compile(r".*/admin/pages/workflow/preview/.*"))
    expect(page.frame_locator("[data-preview-frame]").get_by_text(direction.translated_title).first).to_be_visible()
    journey.seen("preview")
    approve = in_language(language, "%(label)s and Publish", label=in_language(language, "Approve"))
    with page.expect_navigation():
        page.get_by_role("button", name=approve).first.click()
    expect(page.locator(".messages .success")).to_be_visible()
    journey.seen("approved")


@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.django_db(transaction=True)
def test_a_new_practice_goes_from_its_editor_to_the_other_languages_reviewers_approval(
    direction, browser_page, live_server, artifacts_dir, settings
):
    settings.FRONTEND_BASE_URL, settings.FRONTEND_PREVIEW_CHECK_TIMEOUT = "http://127.0.0.1:9", 1
    direction = DIRECTIONS[direction]
    index, topic = build_site(direction)
    journey = Journey(browser_page, live_server.url, artifacts_dir, direction)

    practice = editor_writes_and_publishes(journey, index, topic)
    target = editor_submits_for_translation(journey, practice)
    assert not Page.objects.get(pk=target.pk).live
    translator_translates(journey, target)
    reviewer_approves(journey, target)

    published = Page.objects.get(pk=target.pk)
    assert published.live
    assert published.title == direction.translated_title
    assert published.slug == direction.translated_slug
    api = Client().get("/api/v2/practices/", {"locale": direction.target}).json()
    assert direction.translated_title in [item["title"] for item in api["results"]]
    assert journey.foreign_texts() == {"pl": [], "cs": []}
