"""One unsaved object in one language from its YAML record, filled in as an editor would fill in its form."""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from demo.loader.streams import fact_list, stream
from demo.loader.values import decimal, in_language, stable_uuid
from events.models import EventIndexPage, EventPage, EventRelatedPractice
from home.models import HomePage, StandardPage
from partners.models import PartnerContact, PartnerIndexPage, PartnerPage
from practices.models import PracticeIndexPage, PracticeInstitution, PracticePage, PracticeTopic, Topic

LOCAL_TIME = ZoneInfo("Europe/Warsaw")
INDEX_PAGES = {
    "index:practices": PracticeIndexPage,
    "index:events": EventIndexPage,
    "index:partners": PartnerIndexPage,
}


@dataclass
class Loaded:
    """What the loader has made so far, by YAML key: the objects later records link to (Polish versions)."""

    topics: dict = field(default_factory=dict)
    partners: dict = field(default_factory=dict)
    practices: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)


class Builders:
    """Each kind of demo object, built unsaved from its YAML record in one language.

    Links go to what the loader has loaded before (`loaded`); pictures come
    from `pictures`; upcoming events are dated from `today`.
    """

    def __init__(self, *, locales, pictures, loaded, today):
        self.locales = locales
        self.pictures = pictures
        self.loaded = loaded
        self.today = today

    def topic(self, translation_key, data, lang):
        return Topic(
            translation_key=translation_key,
            locale=self.locales[lang],
            name=in_language(data["name"], lang),
            slug=data["slug"],
            description=in_language(data.get("description"), lang),
        )

    def home(self, key, data, lang):
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
            objectives=fact_list(data.get("objectives"), lang, key, "objectives"),
            activities=fact_list(data.get("activities"), lang, key, "activities"),
            target_groups=fact_list(data.get("target_groups"), lang, key, "target_groups"),
        )

    def index(self, key, data, lang):
        return INDEX_PAGES[key](
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            intro=in_language(data.get("intro"), lang),
            show_in_menus=data.get("show_in_menus", False),
        )

    def standard_page(self, key, data, lang):
        return StandardPage(
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            show_in_menus=data.get("show_in_menus", False),
            intro=in_language(data.get("intro"), lang),
            body=stream(data.get("body"), lang, key, "body", pictures=self.pictures),
        )

    def partner(self, key, data, lang):
        page = PartnerPage(
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            short_name=in_language(data.get("short_name"), lang),
            institution_type=data["institution_type"],
            role=data["role"],
            country=data["country"],
            address=in_language(data.get("address"), lang),
            latitude=decimal(data.get("latitude")),
            longitude=decimal(data.get("longitude")),
            website=data.get("website", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            logo=self.pictures.get(data["logo"]) if data.get("logo") else None,
            description=in_language(data.get("description"), lang),
        )
        page.contacts = [
            PartnerContact(
                translation_key=stable_uuid(key, "contact", index),
                sort_order=index,
                name=contact["name"],
                position=in_language(contact.get("position"), lang),
                email=contact.get("email", ""),
                phone=contact.get("phone", ""),
            )
            for index, contact in enumerate(data.get("contacts") or [])
        ]
        return page

    def practice(self, key, data, lang):
        contact = data.get("contact") or {}
        page = PracticePage(
            title=in_language(data["title"], lang),
            slug=in_language(data["slug"], lang),
            summary=in_language(data["summary"], lang),
            body=stream(data.get("body"), lang, key, "body", pictures=self.pictures),
            challenge=in_language(data.get("challenge"), lang),
            what_was_done=in_language(data.get("what_was_done"), lang),
            resources_needed=in_language(data.get("resources_needed"), lang),
            budget_amount=decimal(data.get("budget_amount")),
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
            latitude=decimal(data.get("latitude")),
            longitude=decimal(data.get("longitude")),
            funding_source=data["funding_source"],
            main_image=self.pictures.get(data["image"], in_language(data.get("municipality"), "pl"))
            if data.get("image")
            else None,
            main_image_alt=self.pictures.alt(data["image"], lang) if data.get("image") else "",
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
        # Children assigned here (not through the admin's form) get no order of their own: without one, the
        # database may return them in any order, on the portal and in the translations.
        page.topic_links = [
            PracticeTopic(
                translation_key=stable_uuid(key, "topic", topic_key),
                topic=self.loaded.topics[topic_key].get_translation(self.locales[lang]),
                sort_order=index,
            )
            for index, topic_key in enumerate(data.get("topics") or [])
        ]
        page.institutions = [
            PracticeInstitution(partner=self.loaded.partners[partner_key], sort_order=index)
            for index, partner_key in enumerate(data.get("institutions") or [])
        ]
        return page

    def event(self, key, data, lang):
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
            latitude=decimal(data.get("latitude")),
            longitude=decimal(data.get("longitude")),
            organiser=self.loaded.partners[data["organiser"]] if data.get("organiser") else None,
            target_groups=list(data.get("target_groups") or []),
            description=stream(data.get("description"), lang, key, "description", pictures=self.pictures),
            registration_url=data.get("registration_url", ""),
            registration_enabled="registration" in data,
            registration_confirmation=(data.get("registration") or {}).get("confirmation", "automatic"),
            registration_questions=list((data.get("registration") or {}).get("questions") or []),
            registration_deadline=self.registration_deadline(data),
            capacity=data.get("capacity"),
            status=data.get("status", "scheduled"),
            related_practices=[
                EventRelatedPractice(practice=self.loaded.practices[practice_key])
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
