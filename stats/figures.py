"""The built-in sections: practices, events, participants and questions, counted from the named queries of their apps.

Every count starts from the same public querysets as the API and the open-data downloads
(`public_practices`, `public_events`, `live_topics`, ...), so drafts, private pages and pages
under an unpublished parent are never counted. Labels are in the locale's language: topic
names are the locale's own topics, fixed lists (agglomerations, funding sources, event types,
countries) their translated labels.
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from core.api.tree import public_pages
from core.models import Country
from enquiries.selectors import interest_by_practice
from events.models import EventType
from events.selectors import public_events
from partners.models import PartnerPage
from practices.models import Agglomeration, FundingSource, PracticeInstitution
from practices.selectors import live_topics, public_practices, published_topic_links
from registrations.models import InstitutionKind
from registrations.selectors import participants_by_country_and_kind
from stats.sections import Counts, Row, Section, Table, register

PRACTICES = {"pl": "dobre praktyki", "cs": "dobré praxe", "en": "good practices"}


def _practices(scope):
    return public_practices(scope.tree, scope.locale_id).order_by()


def _by_choice(queryset, field, choices):
    """One row per choice, in the list's order, zeros included: the same rows in every locale and year."""
    found = dict(queryset.values_list(field).annotate(count=Count("pk")).values_list(field, "count"))
    rows = [Row(value, str(label), found.get(value, 0)) for value, label in choices.choices]
    return Counts(rows, total=sum(found.values()))


def by_topic(scope):
    """Practices per published topic of the locale; a practice with two topics counts in both."""
    practices = _practices(scope)
    links = published_topic_links().filter(page__in=practices.values("pk")).order_by()
    found = dict(links.values_list("topic_id").annotate(count=Count("page_id", distinct=True)))
    rows = [Row(topic.slug, topic.name, found.get(topic.pk, 0)) for topic in live_topics(scope.locale_id)]
    return Counts(rows, total=practices.count(), additive=False)


def by_agglomeration(scope):
    return _by_choice(_practices(scope), "agglomeration", Agglomeration)


def by_country(scope):
    """Practices per country of their public implementing institutions; one with both countries counts twice."""
    practices = _practices(scope)
    links = PracticeInstitution.objects.filter(
        page__in=practices.values("pk"), partner__in=public_pages(PartnerPage, scope.tree).values("pk")
    ).order_by()
    found = dict(links.values_list("partner__country").annotate(count=Count("page_id", distinct=True)))
    rows = [Row(code, str(label), found.get(code, 0)) for code, label in Country.choices]
    return Counts(rows, total=practices.count(), additive=False)


def by_funding_source(scope):
    return _by_choice(_practices(scope), "funding_source", FundingSource)


def validated(scope):
    """Practices approved by a Polish and a Czech expert (the API's `validation.status`, the `validated=` filter)."""
    practices = _practices(scope)
    total = practices.count()
    count = practices.filter(validated_at__isnull=False).count()
    labels = VALIDATED_LABELS.get(scope.locale, VALIDATED_LABELS["en"])
    return Counts([Row("validated", labels[0], count), Row("not_validated", labels[1], total - count)], total=total)


def translated(scope):
    """Practices of this locale that are public in another content language too (any other, with two: the other)."""
    practices = _practices(scope)
    elsewhere = public_pages(practices.model, scope.tree).exclude(locale_id=scope.locale_id).values("translation_key")
    total = practices.count()
    count = practices.filter(translation_key__in=elsewhere).count()
    labels = TRANSLATED_LABELS.get(scope.locale, TRANSLATED_LABELS["en"])
    return Counts([Row("translated", labels[0], count), Row("not_translated", labels[1], total - count)], total=total)


def events_by_type(scope):
    return _by_choice(public_events(scope.tree, scope.locale_id).order_by(), "event_type", EventType)


def events_by_year(scope):
    """Public events per year of their start (Warsaw time), past and upcoming, oldest year first."""
    events = public_events(scope.tree, scope.locale_id).order_by().annotate(year=ExtractYear("start"))
    found = events.values_list("year").annotate(count=Count("pk")).order_by("year")
    rows = [Row(str(year), str(year), count) for year, count in found]
    return Counts(rows, total=sum(row.value for row in rows))


#: The project's visits and exchanges, whose participants the programme reports.
VISITS_AND_EXCHANGES = (EventType.STUDY_VISIT, EventType.STAFF_EXCHANGE)


def participants(scope):
    """Confirmed places in study visits and staff exchanges, by the participant's country and kind of institution.

    People, not content: counted over both languages' registrations (one event, one list), so both
    locales' pages show the same figures, and kept after the personal data is anonymised. Personal:
    small counts are withheld.
    """
    found = participants_by_country_and_kind(event_types=VISITS_AND_EXCHANGES)
    cells = {code: dict.fromkeys(InstitutionKind.values, 0) for code in Country.values}
    for row in found:
        if row["country"] in cells and row["institution_kind"] in cells[row["country"]]:
            cells[row["country"]][row["institution_kind"]] += row["confirmed"]
    return Table(
        columns=[(kind, str(label)) for kind, label in InstitutionKind.choices],
        rows=[(code, str(label)) for code, label in Country.choices],
        cells=cells,
    )


def questions(scope):
    """Questions visitors asked through "Ask the owner", per public practice of the locale, most asked first.

    Counted by `enquiries.PracticeInterest`, which outlives the questions themselves. Personal:
    each question is somebody's, so small counts are withheld.
    """
    asked = interest_by_practice(locale_ids=[scope.locale_id])
    titles = dict(_practices(scope).filter(pk__in=list(asked)).values_list("pk", "title"))
    rows = sorted(
        (Row(str(pk), title, asked[pk]) for pk, title in titles.items() if asked[pk]),
        key=lambda row: (-row.value, row.label),
    )
    return Counts(rows, total=sum(row.value for row in rows))


VALIDATED_LABELS = {
    "pl": ("Zweryfikowane", "Niezweryfikowane"),
    "cs": ("Ověřené", "Neověřené"),
    "en": ("Validated", "Not validated"),
}
TRANSLATED_LABELS = {
    "pl": ("Dostępne także w innym języku", "Tylko w tym języku"),
    "cs": ("Dostupné i v jiném jazyce", "Jen v tomto jazyce"),
    "en": ("Also in another language", "In this language only"),
}

for section in (
    Section(
        "practices_by_topic",
        {"pl": "Dobre praktyki według tematu", "cs": "Dobrá praxe podle tématu", "en": "Good practices by topic"},
        by_topic,
        PRACTICES,
    ),
    Section(
        "practices_by_agglomeration",
        {
            "pl": "Dobre praktyki według aglomeracji",
            "cs": "Dobrá praxe podle aglomerace",
            "en": "Good practices by agglomeration",
        },
        by_agglomeration,
        PRACTICES,
    ),
    Section(
        "practices_by_country",
        {
            "pl": "Dobre praktyki według kraju instytucji wdrażających",
            "cs": "Dobrá praxe podle země realizujících institucí",
            "en": "Good practices by country of the implementing institutions",
        },
        by_country,
        PRACTICES,
    ),
    Section(
        "practices_by_funding_source",
        {
            "pl": "Dobre praktyki według źródła finansowania",
            "cs": "Dobrá praxe podle zdroje financování",
            "en": "Good practices by funding source",
        },
        by_funding_source,
        PRACTICES,
    ),
    Section(
        "practices_validated",
        {
            "pl": "Dobre praktyki zweryfikowane przez ekspertów z obu krajów",
            "cs": "Dobrá praxe ověřená odborníky z obou zemí",
            "en": "Good practices validated by experts from both countries",
        },
        validated,
        PRACTICES,
    ),
    Section(
        "practices_translated",
        {
            "pl": "Dobre praktyki dostępne w obu językach",
            "cs": "Dobrá praxe dostupná v obou jazycích",
            "en": "Good practices available in both languages",
        },
        translated,
        PRACTICES,
    ),
    Section(
        "events_by_type",
        {"pl": "Wydarzenia według rodzaju", "cs": "Akce podle druhu", "en": "Events by type"},
        events_by_type,
        {"pl": "wydarzenia", "cs": "akce", "en": "events"},
    ),
    Section(
        "events_by_year",
        {"pl": "Wydarzenia według roku", "cs": "Akce podle roku", "en": "Events by year"},
        events_by_year,
        {"pl": "wydarzenia", "cs": "akce", "en": "events"},
    ),
    Section(
        "visit_participants",
        {
            "pl": "Uczestnicy wizyt studyjnych i wymian pracowników według kraju i rodzaju instytucji",
            "cs": "Účastníci studijních návštěv a výměn pracovníků podle země a druhu instituce",
            "en": "Participants in study visits and staff exchanges by country and kind of institution",
        },
        participants,
        {"pl": "uczestnicy", "cs": "účastníci", "en": "participants"},
        personal=True,
    ),
    Section(
        "questions_by_practice",
        {
            "pl": "Pytania zadane o dobre praktyki",
            "cs": "Dotazy položené k dobré praxi",
            "en": "Questions asked about good practices",
        },
        questions,
        {"pl": "pytania", "cs": "dotazy", "en": "questions"},
        personal=True,
    ),
):
    register(section)
