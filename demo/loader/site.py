"""The demo site loaded in order, each object only if it is missing, in one transaction."""

from collections import Counter
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from demo.loader.builders import Builders, Loaded
from demo.loader.pictures import DemoPictures
from demo.loader.translation import follow_source, translate
from demo.loader.values import CONTENT_DIR, LANGUAGES, other_language, stable_uuid
from events.models import EventIndexPage, EventPage
from home.models import HomeFeaturedEvent, HomeFeaturedPractice, HomePage, HomeProjectPartner, StandardPage
from partners.models import PartnerIndexPage, PartnerPage
from practices.models import PracticeIndexPage, PracticePage, Topic


class DemoLoader:
    """Loads the demo content; `load()` is idempotent and runs in one transaction."""

    def __init__(self, content_dir=CONTENT_DIR, *, today=None, log=None):
        self.content_dir = Path(content_dir)
        self.today = today or timezone.localdate()
        self.log = log or (lambda message: None)
        self.created = Counter()

    def read(self, name):
        with open(self.content_dir / name, encoding="utf-8") as handle:
            return yaml.safe_load(handle)

    @transaction.atomic
    def load(self):
        self.locales = {lang: Locale.objects.get(language_code=lang) for lang in LANGUAGES}
        self.pictures = DemoPictures({spec["key"]: spec for spec in self.read("images.yaml")}, self.created)
        for key in self.pictures.specs:  # all of them: a demo loaded before gets today's titles and descriptions
            self.pictures.get(key)
        self.loaded = Loaded()
        self.build = Builders(locales=self.locales, pictures=self.pictures, loaded=self.loaded, today=self.today)
        site_data = self.read("site.yaml")

        self.home = self.load_home(site_data["home"])
        self.loaded.topics = {data["key"]: self.load_topic(data) for data in self.read("topics.yaml")}
        indexes = {
            name: self.ensure_page(model, f"index:{name}", site_data["indexes"][name], self.home, self.build.index)
            for name, model in (
                ("practices", PracticeIndexPage),
                ("events", EventIndexPage),
                ("partners", PartnerIndexPage),
            )
        }
        self.loaded.partners = {
            data["key"]: self.ensure_page(PartnerPage, data["key"], data, indexes["partners"], self.build.partner)
            for data in self.read("partners.yaml")
        }
        for data in site_data["standard_pages"]:
            self.ensure_page(StandardPage, data["key"], data, self.home, self.build.standard_page)
        self.loaded.practices = {
            data["key"]: self.ensure_page(PracticePage, data["key"], data, indexes["practices"], self.build.practice)
            for data in self.read("practices.yaml")
        }
        self.describe_practice_images(self.read("practices.yaml"))
        self.loaded.events = {
            data["key"]: self.ensure_page(EventPage, data["key"], data, indexes["events"], self.build.event)
            for data in self.read("events.yaml")
        }
        self.add_home_highlights(site_data["home"])
        return dict(self.created)

    def ensure_page(self, model, key, data, parent, build):
        """The page in its source language, created with its translation if missing; returns the Polish page."""
        source_lang = data.get("source_locale", "pl")
        target_lang = other_language(source_lang)
        translation_key = stable_uuid("page", key)
        existing = {
            page.locale.language_code: page
            for page in model.objects.filter(translation_key=translation_key).select_related("locale")
        }
        source_page = existing.get(source_lang)
        if source_page is None:
            source_page = build(key, data, source_lang)
            source_page.translation_key = translation_key
            source_page.locale = self.locales[source_lang]
            parent.get_translation(self.locales[source_lang]).add_child(instance=source_page)
            source_page.save_revision().publish()
            self.created[model._meta.label] += 1
            self.log(f"{model._meta.verbose_name}: {source_page.title} ({source_lang})")
        if target_lang not in existing:
            translate(source_page, self.locales[target_lang], build(key, data, target_lang))
            self.created[model._meta.label] += 1
        self.follow_menu_flag(model, translation_key, data.get("show_in_menus", False))
        return source_page.get_translation(self.locales["pl"])

    def follow_menu_flag(self, model, translation_key, wanted):
        """A demo loaded before `show_in_menus` was in the YAML gets the menu the YAML asks for, as a published edit."""
        for page in model.objects.filter(translation_key=translation_key).exclude(show_in_menus=wanted):
            page.show_in_menus = wanted
            page.save_revision().publish()
            self.created["show_in_menus changes"] += 1

    def describe_practice_images(self, practices):
        """A demo loaded before practices had alt texts: each source practice gets its own, and its translation follows.

        Published as an edit of the source page, then carried to the other
        language through wagtail-localize like every other text.
        """
        for data in practices:
            source_lang = data.get("source_locale", "pl")
            source = PracticePage.objects.filter(
                translation_key=stable_uuid("page", data["key"]), locale=self.locales[source_lang]
            ).first()
            if source is None or not data.get("image") or source.main_image_alt:
                continue
            source.main_image_alt = self.pictures.alt(data["image"], source_lang)
            source.save_revision().publish()
            target_lang = other_language(source_lang)
            translate(source, self.locales[target_lang], self.build.practice(data["key"], data, target_lang))
            self.created["practice image alt texts"] += 1

    def load_topic(self, data):
        translation_key = stable_uuid("topic", data["key"])
        topic = Topic.objects.filter(translation_key=translation_key, locale=self.locales["pl"]).first()
        if topic is None:
            topic = self.build.topic(translation_key, data, "pl")
            topic.save()
            topic.save_revision().publish()
            self.created["practices.Topic"] += 1
        if not Topic.objects.filter(translation_key=translation_key, locale=self.locales["cs"]).exists():
            translate(topic, self.locales["cs"], self.build.topic(translation_key, data, "cs"))
            self.created["practices.Topic"] += 1
        return topic

    def load_home(self, data):
        """The Polish home page becomes the default site's root; Wagtail's placeholder page goes."""
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(translation_key=stable_uuid("page", "home"), locale=self.locales["pl"]).first()
        if home is None:
            site = Site.objects.filter(is_default_site=True).first()
            placeholder = site.root_page.specific if site else None
            home = self.build.home("home", data, "pl")
            home.translation_key = stable_uuid("page", "home")
            home.locale = self.locales["pl"]
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created["home.HomePage"] += 1
            if site is None:
                Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="A4B")
            else:
                site.root_page = home
                site.site_name = "Agglomerations4Borderlands"
                site.save()
            if placeholder is not None and type(placeholder) is Page and placeholder.depth == 2:
                placeholder.delete()
        if not home.has_translation(self.locales["cs"]):
            translate(home, self.locales["cs"], self.build.home("home", data, "cs"))
            self.created["home.HomePage"] += 1
        return home

    def add_home_highlights(self, data):
        """Partners and featured items, set once the pages they point at exist; then the Czech home follows."""
        # A fresh copy: the instance read before its children were added has a stale
        # tree child count, and saving it would hide those children.
        home = HomePage.objects.get(pk=self.home.pk)
        if home.project_partners.exists():
            return
        loaded = self.loaded
        home.project_partners = [HomeProjectPartner(partner=loaded.partners[key]) for key in data["partners"]]
        home.featured_practices = [
            HomeFeaturedPractice(practice=loaded.practices[key]) for key in data.get("featured_practices") or []
        ]
        home.featured_events = [
            HomeFeaturedEvent(event=loaded.events[key]) for key in data.get("featured_events") or []
        ]
        home.save_revision().publish()
        follow_source(home, self.locales["cs"])
