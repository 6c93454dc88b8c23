"""Builds the bilingual demo site from the YAML files in `demo/content/`.

Each object is written in its source language and then translated through
wagtail-localize, exactly as an editor and a translator would: a
`TranslationSource` is extracted, the other language's text is imported into
its `Translation` string by string (as a PO file), and the translated page or
topic is saved as a draft revision and published. Translation keys, StreamField
block ids and child-object keys are derived from the YAML keys, so a second run
finds everything in place and changes nothing.
"""

import datetime
import uuid
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from demo.images import DEFAULT_COLOURS, draw_picture
from events.models import EventIndexPage, EventPage, EventRelatedPractice
from home.models import HomeFeaturedEvent, HomeFeaturedPractice, HomePage, HomeProjectPartner, StandardPage
from partners.models import PartnerContact, PartnerIndexPage, PartnerPage
from practices.models import PracticeIndexPage, PracticeInstitution, PracticePage, PracticeTopic, Topic

CONTENT_DIR = Path(__file__).resolve().parent / "content"
DEMO_NAMESPACE = uuid.UUID("6f1d3a52-9a41-4c5e-8d0c-a4b2018a4b20")
LANGUAGES = ("pl", "cs")
LOCAL_TIME = ZoneInfo("Europe/Warsaw")


class DemoContentError(Exception):
    """The YAML content does not fit the models (a missing string, a mismatched paragraph count, ...)."""


def stable_uuid(*parts):
    return uuid.uuid5(DEMO_NAMESPACE, ":".join(str(part) for part in parts))


def in_language(value, lang):
    """The `lang` text of a `{pl: ..., cs: ...}` mapping; other values are the same in both languages."""
    if isinstance(value, dict) and set(LANGUAGES) <= set(value):
        return value[lang]
    return value if value is not None else ""


def other_language(lang):
    return "cs" if lang == "pl" else "pl"


def paired_strings(source_segments, target_segments):
    """Map (context path, source string) to the target string, pairing segments by path and order."""
    targets = defaultdict(list)
    for segment in target_segments:
        if isinstance(segment, StringSegmentValue):
            targets[segment.path].append(segment.string.data)
    pairs, seen = {}, Counter()
    for segment in source_segments:
        if not isinstance(segment, StringSegmentValue):
            continue
        index = seen[segment.path]
        seen[segment.path] += 1
        try:
            pairs[(segment.path, segment.string.data)] = targets[segment.path][index]
        except IndexError:
            raise DemoContentError(f"No translation for {segment.path!r}: {segment.string.data[:60]!r}") from None
    for path, count in seen.items():
        if len(targets[path]) != count:
            raise DemoContentError(f"{path!r}: {count} source strings but {len(targets[path])} translated ones")
    return pairs


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
        self.image_specs = {spec["key"]: spec for spec in self.read("images.yaml")}
        self.images = {}
        for key in self.image_specs:  # all of them: a demo loaded before gets today's titles and descriptions
            self.image(key)
        site_data = self.read("site.yaml")

        self.home = self.load_home(site_data["home"])
        self.topics = {data["key"]: self.load_topic(data) for data in self.read("topics.yaml")}
        indexes = {
            name: self.ensure_page(model, f"index:{name}", site_data["indexes"][name], self.home, self.build_index)
            for name, model in (
                ("practices", PracticeIndexPage),
                ("events", EventIndexPage),
                ("partners", PartnerIndexPage),
            )
        }
        self.partners = {
            data["key"]: self.ensure_page(PartnerPage, data["key"], data, indexes["partners"], self.build_partner)
            for data in self.read("partners.yaml")
        }
        for data in site_data["standard_pages"]:
            self.ensure_page(StandardPage, data["key"], data, self.home, self.build_standard_page)
        self.practices = {
            data["key"]: self.ensure_page(PracticePage, data["key"], data, indexes["practices"], self.build_practice)
            for data in self.read("practices.yaml")
        }
        self.describe_practice_images(self.read("practices.yaml"))
        self.events = {
            data["key"]: self.ensure_page(EventPage, data["key"], data, indexes["events"], self.build_event)
            for data in self.read("events.yaml")
        }
        self.add_home_highlights(site_data["home"])
        return dict(self.created)

    # Translation machinery

    def translate(self, source_object, lang, translated_instance):
        """Create `source_object`'s translation in `lang`, its strings taken from `translated_instance`."""
        locale = self.locales[lang]
        source, _created = TranslationSource.update_or_create_from_instance(source_object)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
        strings = paired_strings(extract_segments(source_object), extract_segments(translated_instance))
        po = translation.export_po()
        for entry in po:
            try:
                entry.msgstr = strings[(entry.msgctxt, entry.msgid)]
            except KeyError:
                raise DemoContentError(f"{source_object}: no {lang} text for {entry.msgctxt!r}") from None
        warnings = translation.import_po(po, tool_name="load_demo")
        if warnings:
            raise DemoContentError(f"{source_object}: {warnings}")
        source.create_or_update_translation(locale, publish=False, fallback=False)
        source_object.get_translation(locale).get_latest_revision().publish()

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
            self.translate(source_page, target_lang, build(key, data, target_lang))
            self.created[model._meta.label] += 1
        self.follow_menu_flag(model, translation_key, data.get("show_in_menus", False))
        return source_page.get_translation(self.locales["pl"])

    def follow_menu_flag(self, model, translation_key, wanted):
        """A demo loaded before `show_in_menus` was in the YAML gets the menu the YAML asks for, as a published edit."""
        for page in model.objects.filter(translation_key=translation_key).exclude(show_in_menus=wanted):
            page.show_in_menus = wanted
            page.save_revision().publish()
            self.created["show_in_menus changes"] += 1

    # Images

    def image(self, key, label=None):
        """The demo picture `key`, drawn once; its title and Polish description follow images.yaml on every run."""
        if key not in self.images:
            spec = self.image_specs.get(key, {"title": key.replace("-", " ").capitalize(), "label": label or key})
            title = f"{spec['title']} [{key}]"
            description = self.image_alt(key, "pl")
            # Found by its key: a picture from an older demo gets the title and description it has now.
            image = Image.objects.filter(title__endswith=f"[{key}]").order_by("pk").first()
            if image is None:
                picture = draw_picture(spec.get("label") or label or key, spec.get("colours", DEFAULT_COLOURS))
                image = Image(title=title, description=description)
                image.file = ImageFile(picture, name=f"demo-{key}.jpg")
                image.save()
                self.created["wagtailimages.Image"] += 1
            elif (image.title, image.description) != (title, description):
                image.title, image.description = title, description
                image.save(update_fields=["title", "description"])
                self.created["image descriptions"] += 1
            self.images[key] = image
        return self.images[key]

    def image_alt(self, key, lang):
        """The alternative text of the demo picture `key` in `lang`: its description in images.yaml."""
        return in_language(self.image_specs.get(key, {}).get("description"), lang)

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
            source.main_image_alt = self.image_alt(data["image"], source_lang)
            source.save_revision().publish()
            target_lang = other_language(source_lang)
            self.translate(source, target_lang, self.build_practice(data["key"], data, target_lang))
            self.created["practice image alt texts"] += 1

    # StreamField content

    def stream(self, blocks, lang, *id_parts):
        """Raw StreamField data whose block ids are stable, so both languages share segment paths."""
        raw = []
        for index, block in enumerate(blocks or []):
            kind, value = block["type"], block["value"]
            if kind in ("paragraph", "heading"):
                value = in_language(value, lang)
            elif kind == "quote":
                value = {
                    "text": in_language(value["text"], lang),
                    "attribution": in_language(value.get("attribution"), lang),
                }
            elif kind == "image":
                value = {
                    "image": self.image(value["image"]).pk,
                    "caption": in_language(value.get("caption"), lang),
                    "alt_text": in_language(value.get("alt_text"), lang) or self.image_alt(value["image"], lang),
                }
            elif kind == "key_figures":
                value = [
                    {
                        "type": "item",
                        "id": str(stable_uuid(*id_parts, index, position)),
                        "value": {"value": str(figure["value"]), "label": in_language(figure["label"], lang)},
                    }
                    for position, figure in enumerate(value)
                ]
            elif kind == "item":
                value = in_language(value, lang)
            else:
                raise DemoContentError(f"Unknown block type {kind!r} in {id_parts}")
            raw.append({"type": kind, "value": value, "id": str(stable_uuid(*id_parts, index))})
        return raw

    def fact_list(self, items, lang, *id_parts):
        return self.stream([{"type": "item", "value": item} for item in items or []], lang, *id_parts)

    # Builders: one unsaved instance in one language

    def build_index(self, key, data, lang):
        model = {
            "index:practices": PracticeIndexPage,
            "index:events": EventIndexPage,
            "index:partners": PartnerIndexPage,
        }
        return model[key](
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            intro=in_language(data.get("intro"), lang),
            show_in_menus=data.get("show_in_menus", False),
        )

    def build_standard_page(self, key, data, lang):
        return StandardPage(
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            show_in_menus=data.get("show_in_menus", False),
            intro=in_language(data.get("intro"), lang),
            body=self.stream(data.get("body"), lang, key, "body"),
        )

    def build_partner(self, key, data, lang):
        page = PartnerPage(
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            short_name=in_language(data.get("short_name"), lang),
            institution_type=data["institution_type"],
            role=data["role"],
            country=data["country"],
            address=in_language(data.get("address"), lang),
            latitude=_decimal(data.get("latitude")),
            longitude=_decimal(data.get("longitude")),
            website=data.get("website", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            logo=self.image(data["logo"]) if data.get("logo") else None,
            description=in_language(data.get("description"), lang),
        )
        page.contacts = [
            PartnerContact(
                translation_key=stable_uuid(key, "contact", index),
                name=contact["name"],
                position=in_language(contact.get("position"), lang),
                email=contact.get("email", ""),
                phone=contact.get("phone", ""),
            )
            for index, contact in enumerate(data.get("contacts") or [])
        ]
        return page

    def build_practice(self, key, data, lang):
        contact = data.get("contact") or {}
        title = in_language(data["title"], lang)
        page = PracticePage(
            title=title,
            slug=in_language(data["slug"], lang),
            summary=in_language(data["summary"], lang),
            body=self.stream(data.get("body"), lang, key, "body"),
            challenge=in_language(data.get("challenge"), lang),
            what_was_done=in_language(data.get("what_was_done"), lang),
            resources_needed=in_language(data.get("resources_needed"), lang),
            budget_amount=_decimal(data.get("budget_amount")),
            budget_currency=data.get("budget_currency", "") if data.get("budget_amount") is not None else "",
            start_date=data["start_date"],
            end_date=data.get("end_date"),
            is_ongoing=data.get("is_ongoing", False),
            results=in_language(data.get("results"), lang),
            difficulties=in_language(data.get("difficulties"), lang),
            transferability=in_language(data.get("transferability"), lang),
            agglomeration=data["agglomeration"],
            municipality=in_language(data.get("municipality"), lang),
            nuts3_code=data.get("nuts3_code", ""),
            latitude=_decimal(data.get("latitude")),
            longitude=_decimal(data.get("longitude")),
            funding_source=data["funding_source"],
            main_image=self.image(data["image"], in_language(data.get("municipality"), "pl"))
            if data.get("image")
            else None,
            main_image_alt=self.image_alt(data["image"], lang) if data.get("image") else "",
            external_links=[
                {
                    "type": "link",
                    "id": str(stable_uuid(key, "link", index)),
                    "value": {"title": in_language(link["title"], lang), "url": link["url"]},
                }
                for index, link in enumerate(data.get("external_links") or [])
            ],
            contact_name=contact.get("name", ""),
            contact_email=contact.get("email", ""),
            contact_phone=contact.get("phone", ""),
            contact_is_public=contact.get("public", False),
            is_sample_record=data.get("sample", True),
        )
        page.topic_links = [
            PracticeTopic(
                translation_key=stable_uuid(key, "topic", topic_key),
                topic=self.topics[topic_key].get_translation(self.locales[lang]),
            )
            for topic_key in data.get("topics") or []
        ]
        page.institutions = [
            PracticeInstitution(partner=self.partners[partner_key]) for partner_key in data.get("institutions") or []
        ]
        return page

    def build_event(self, key, data, lang):
        return EventPage(
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            summary=in_language(data.get("summary"), lang),
            event_type=data["event_type"],
            start=self.event_time(data, "start"),
            end=self.event_time(data, "end"),
            is_all_day=data.get("all_day", False),
            venue_name=in_language(data.get("venue_name"), lang),
            venue_address=in_language(data.get("venue_address"), lang),
            city=in_language(data["city"], lang),
            country=data["country"],
            latitude=_decimal(data.get("latitude")),
            longitude=_decimal(data.get("longitude")),
            organiser=self.partners[data["organiser"]] if data.get("organiser") else None,
            target_groups=list(data.get("target_groups") or []),
            description=self.stream(data.get("description"), lang, key, "description"),
            registration_url=data.get("registration_url", ""),
            registration_deadline=self.registration_deadline(data),
            capacity=data.get("capacity"),
            status=data.get("status", "scheduled"),
            related_practices=[
                EventRelatedPractice(practice=self.practices[practice_key])
                for practice_key in data.get("related_practices") or []
            ],
        )

    def event_time(self, data, which):
        """Past events have fixed times; upcoming ones are given in days from the day the demo is loaded."""
        if f"{which}_in_days" in data:
            day = self.today + datetime.timedelta(days=data[f"{which}_in_days"])
            hour, minute = (int(part) for part in data[f"{which}_time"].split(":"))
            local = datetime.datetime.combine(day, datetime.time(hour, minute))
        else:
            local = datetime.datetime.fromisoformat(str(data[which]))
        return local.replace(tzinfo=LOCAL_TIME)

    def registration_deadline(self, data):
        if "registration_deadline_in_days" not in data:
            return None
        day = self.today + datetime.timedelta(days=data["registration_deadline_in_days"])
        return datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=LOCAL_TIME)

    # Snippets and the site root

    def load_topic(self, data):
        translation_key = stable_uuid("topic", data["key"])

        def build(lang):
            return Topic(
                translation_key=translation_key,
                locale=self.locales[lang],
                name=in_language(data["name"], lang),
                slug=data["slug"],
                description=in_language(data.get("description"), lang),
            )

        topic = Topic.objects.filter(translation_key=translation_key, locale=self.locales["pl"]).first()
        if topic is None:
            topic = build("pl")
            topic.save()
            topic.save_revision().publish()
            self.created["practices.Topic"] += 1
        if not Topic.objects.filter(translation_key=translation_key, locale=self.locales["cs"]).exists():
            self.translate(topic, "cs", build("cs"))
            self.created["practices.Topic"] += 1
        return topic

    def build_home(self, key, data, lang):
        return HomePage(
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            project_name=in_language(data["project_name"], lang),
            project_acronym=data.get("project_acronym", "Agglomerations4Borderlands"),
            intro=in_language(data.get("intro"), lang),
            programme=in_language(data.get("programme"), lang),
            period_start=data.get("period_start"),
            period_end=data.get("period_end"),
            co_financing=in_language(data.get("co_financing"), lang),
            objectives=self.fact_list(data.get("objectives"), lang, key, "objectives"),
            activities=self.fact_list(data.get("activities"), lang, key, "activities"),
            target_groups=self.fact_list(data.get("target_groups"), lang, key, "target_groups"),
        )

    def load_home(self, data):
        """The Polish home page becomes the default site's root; Wagtail's placeholder page goes."""
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(translation_key=stable_uuid("page", "home"), locale=self.locales["pl"]).first()
        if home is None:
            site = Site.objects.filter(is_default_site=True).first()
            placeholder = site.root_page.specific if site else None
            home = self.build_home("home", data, "pl")
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
            self.translate(home, "cs", self.build_home("home", data, "cs"))
            self.created["home.HomePage"] += 1
        return home

    def add_home_highlights(self, data):
        """Partners and featured items, set once the pages they point at exist; then the Czech home follows."""
        # A fresh copy: the instance read before its children were added has a stale
        # tree child count, and saving it would hide those children.
        home = HomePage.objects.get(pk=self.home.pk)
        if home.project_partners.exists():
            return
        home.project_partners = [HomeProjectPartner(partner=self.partners[key]) for key in data["partners"]]
        home.featured_practices = [
            HomeFeaturedPractice(practice=self.practices[key]) for key in data.get("featured_practices") or []
        ]
        home.featured_events = [HomeFeaturedEvent(event=self.events[key]) for key in data.get("featured_events") or []]
        home.save_revision().publish()
        source, _created = TranslationSource.update_or_create_from_instance(home)
        source.create_or_update_translation(self.locales["cs"], publish=False, fallback=False)
        home.get_translation(self.locales["cs"]).get_latest_revision().publish()


def _decimal(value):
    return None if value is None else Decimal(str(value))
