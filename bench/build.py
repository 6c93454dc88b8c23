"""Bulk-builds the benchmark data set: N practices in Polish with Czech translations, plus events.

Saving 20,000 pages one by one through Wagtail takes the better part of an hour,
so pages are inserted in batches the way `bulk_create` would, with tree paths
computed by treebeard's own path arithmetic. The demo site (homes, indexes,
partners, topics) is loaded first, so the data is shaped like real content.
Runs once per database: a second call finds the practices there and stops.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from wagtail.models import Locale, Page

from events.models import EventIndexPage, EventPage
from partners.models import PartnerPage
from practices.models import PracticeIndexPage, PracticeInstitution, PracticePage, PracticeTopic, Topic
from search.models import SearchEntry

BATCH = 500
BENCH_MARK = "bench-"
#: (Polish, Czech) themes and towns the practices are written about, so that search queries hit
#: a realistic share of the data set (a theme: about 1 in 12; a theme in a town: about 1 in 120).
THEMES = [
    ("Wspólny bilet w transporcie publicznym", "Společná jízdenka ve veřejné dopravě"),
    ("Termomodernizacja szkół i przedszkoli", "Energetické úpravy škol a mateřských škol"),
    ("Rewitalizacja terenów poprzemysłowych", "Revitalizace bývalých průmyslových areálů"),
    ("Trasy rowerowe i węzły przesiadkowe", "Cyklotrasy a přestupní uzly"),
    ("Retencja wody opadowej na osiedlach", "Zadržování dešťové vody na sídlištích"),
    ("Otwarte dane i usługi cyfrowe", "Otevřená data a digitální služby"),
    ("Obsługa inwestorów i tereny inwestycyjne", "Servis pro investory a investiční plochy"),
    ("Współpraca z uczelniami i start-upami", "Spolupráce s vysokými školami a start-upy"),
    ("Wymiany i staże pracowników samorządów", "Výměny a stáže zaměstnanců samospráv"),
    ("Szlaki turystyczne i dziedzictwo kulturowe", "Turistické stezky a kulturní dědictví"),
    ("Opieka nad seniorami w gminach", "Péče o seniory v obcích"),
    ("Gospodarka odpadami i recykling", "Odpadové hospodářství a recyklace"),
]
TOWNS = [
    ("w Opolu", "v Opolí"),
    ("w Ołomuńcu", "v Olomouci"),
    ("w Brzegu", "v Břehu"),
    ("w Nysie", "v Nise"),
    ("w Krapkowicach", "v Krapkovicích"),
    ("w Prościejowie", "v Prostějově"),
    ("w Przerowie", "v Přerově"),
    ("w Kędzierzynie-Koźlu", "v Kędzierzyně-Koźle"),
    ("w Szternberku", "ve Šternberku"),
    ("w Prudniku", "v Prudníku"),
]


def build(practices=10_000, events=1_000, log=print):
    if PracticePage.objects.filter(slug__startswith=BENCH_MARK).exists():
        log("Benchmark data already present.")
        if not SearchEntry.objects.exists():  # built before search existed
            call_command("update_index", verbosity=0)
        return
    call_command("load_demo", verbosity=0)
    locales = {code: Locale.objects.get(language_code=code) for code in ("pl", "cs")}
    with transaction.atomic():
        _add_practices(practices, locales, log)
        _add_events(events, locales, log)
    # Bulk inserts send no publish signals: index everything (ours, and stock Wagtail's for its ?search=).
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"Built {practices} practices and {events} events, each in pl and cs.")


def _index(model, locale):
    return model.objects.get(locale=locale)


def _insert_pages(model, pages):
    """Insert `pages` (unsaved, tree fields set) into wagtailcore_page and the model's own table."""
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    own_fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        base_rows = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in batch]
        )
        for page, row in zip(batch, base_rows, strict=True):
            page.pk = page.page_ptr_id = row.pk
            page.id = row.pk
        query = InsertQuery(model)
        query.insert_values(own_fields, batch)
        query.get_compiler(connection=connection).execute_sql(returning_fields=None)


def _children(parent, model, count, make):
    """`count` new children of `parent`, with treebeard paths after its existing children."""
    last = parent.get_last_child()
    start = last._get_lastpos_in_path() + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    pages = []
    for offset in range(count):
        page = make(offset)
        published = now - datetime.timedelta(minutes=count - offset)
        page.path = parent.__class__._get_path(parent.path, parent.depth + 1, start + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale = parent.locale
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = published
        page.draft_title = page.title
        pages.append(page)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    return pages


def _add_practices(count, locales, log):
    partners = list(PartnerPage.objects.filter(locale=locales["pl"]))
    topics = {code: list(Topic.objects.filter(locale=locale).order_by("slug")) for code, locale in locales.items()}
    keys = [uuid.uuid4() for _ in range(count)]
    for code, locale in locales.items():
        index = _index(PracticeIndexPage, locale)

        def make(i, code=code):
            side = 0 if code == "pl" else 1
            theme, town = THEMES[i % len(THEMES)][side], TOWNS[i // len(THEMES) % len(TOWNS)][side]
            return PracticePage(
                title=f"{theme} {town} ({i + 1})",
                slug=f"{BENCH_MARK}{i + 1}",
                translation_key=keys[i],
                summary=(
                    f"Przykładowy rekord do testów wydajności: {theme.lower()} {town}."
                    if code == "pl"
                    else f"Vzorový záznam pro test výkonu: {theme.lower()} {town}."
                ),
                body=[
                    {
                        "type": "paragraph",
                        "value": "<p>Treść praktyki: współpraca gmin aglomeracji.</p>"
                        if code == "pl"
                        else "<p>Obsah praxe: spolupráce obcí aglomerace.</p>",
                        "id": str(uuid.uuid4()),
                    }
                ],
                challenge="<p>Wyzwanie.</p>",
                start_date=datetime.date(2010 + i % 12, 1 + i % 12, 1),
                is_ongoing=i % 5 == 0,
                end_date=None if i % 5 == 0 else datetime.date(2021 + i % 4, 6, 30),
                agglomeration=("opole", "olomouc", "cross_border")[i % 3],
                funding_source=("zit_iti", "interreg", "national", "own", "other")[i % 5],
                municipality="Opole",
                nuts3_code=("PL523", "CZ071")[i % 2],
                latitude=50.6 + (i % 100) / 1000,
                longitude=17.9 - (i % 100) / 1000,
                is_sample_record=True,
            )

        pages = _children(index, PracticePage, count, make)
        _insert_pages(PracticePage, pages)
        PracticeTopic.objects.bulk_create(
            [
                PracticeTopic(page=page, topic=topics[code][i % len(topics[code])], locale=locale, sort_order=0)
                for i, page in enumerate(pages)
            ],
            batch_size=BATCH,
        )
        PracticeInstitution.objects.bulk_create(
            [
                PracticeInstitution(page=page, partner=partners[i % len(partners)], sort_order=0)
                for i, page in enumerate(pages)
            ],
            batch_size=BATCH,
        )
        log(f"{count} practices in {code}")


def _add_events(count, locales, log):
    partners = list(PartnerPage.objects.filter(locale=locales["pl"]))
    keys = [uuid.uuid4() for _ in range(count)]
    start = timezone.now().replace(microsecond=0)
    for code, locale in locales.items():
        index = _index(EventIndexPage, locale)

        def make(i):
            begins = start + datetime.timedelta(days=i - count // 2)
            return EventPage(
                title=f"Event {i + 1}",
                slug=f"{BENCH_MARK}{i + 1}",
                translation_key=keys[i],
                event_type="network_meeting",
                start=begins,
                end=begins + datetime.timedelta(hours=6),
                city="Opole",
                country="PL",
                organiser=partners[i % len(partners)],
                target_groups=["officials"],
            )

        _insert_pages(EventPage, _children(index, EventPage, count, make))
        log(f"{count} events in {code}")
