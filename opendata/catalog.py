"""The DCAT-AP 3 catalogue of the portal's open data, as JSON-LD, for dane.gov.pl, data.gov.cz and data.europa.eu.

One `dcat:Dataset` per collection, one `dcat:Distribution` per collection, locale and
format. Texts are in Polish, Czech and English (the harvesters' and the EU portal's
languages); vocabularies are the EU's authority tables (data themes, frequencies,
languages, file types) and NUTS, as DCAT-AP recommends.
"""

from django.conf import settings
from django.urls import reverse

from core.api.params.languages import CONTENT_LANGUAGES
from opendata.datasets import COLLECTIONS
from opendata.formats import FORMATS, LICENCE, formats_of

EU = "http://publications.europa.eu/resource/authority"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "adms": "http://www.w3.org/ns/adms#",
}
#: NUTS 2021 regions of the two agglomerations: Opolski (PL524) and Olomoucký kraj (CZ071).
NUTS_REGIONS = ("PL524", "CZ071")
LANGUAGES = {"pl": f"{EU}/language/POL", "cs": f"{EU}/language/CES", "en": f"{EU}/language/ENG"}
PUBLISHER = {
    "pl": "Stowarzyszenie Aglomeracja Opolska",
    "cs": "Sdružení Opolská aglomerace",
    "en": "Opole Agglomeration Association",
}
CATALOG_TEXT = {
    "title": {
        "pl": "Dobre praktyki rozwoju aglomeracji – dane otwarte",
        "cs": "Dobrá praxe rozvoje aglomerací – otevřená data",
        "en": "Good practices in agglomeration development – open data",
    },
    "description": {
        "pl": "Dobre praktyki, wydarzenia, partnerzy i tematy polsko-czeskiego portalu Aglomeracji Opolskiej "
        "i Ołomunieckiej, do pobrania w formatach CSV, JSON i GeoJSON.",
        "cs": "Dobrá praxe, akce, partneři a témata česko-polského portálu Opolské a Olomoucké aglomerace, "
        "ke stažení ve formátech CSV, JSON a GeoJSON.",
        "en": "Good practices, events, partners and topics of the Polish-Czech portal of the Opole and "
        "Olomouc agglomerations, downloadable as CSV, JSON and GeoJSON.",
    },
}
#: collection -> texts, keywords, EU data themes and update frequency
DATASETS = {
    "practices": {
        "title": {"pl": "Dobre praktyki", "cs": "Dobrá praxe", "en": "Good practices"},
        "description": {
            "pl": "Dobre praktyki rozwoju aglomeracji i współpracy transgranicznej, z lokalizacją i budżetem.",
            "cs": "Dobrá praxe rozvoje aglomerací a přeshraniční spolupráce, s polohou a rozpočtem.",
            "en": "Good practices in agglomeration development and cross-border cooperation, located and budgeted.",
        },
        "keywords": {
            "pl": ["dobre praktyki", "aglomeracja", "współpraca transgraniczna"],
            "cs": ["dobrá praxe", "aglomerace", "přeshraniční spolupráce"],
            "en": ["good practices", "agglomeration", "cross-border cooperation"],
        },
        "themes": ("REGI", "GOVE"),
        "frequency": "MONTHLY",
    },
    "events": {
        "title": {"pl": "Wydarzenia", "cs": "Akce", "en": "Events"},
        "description": {
            "pl": "Wizyty studyjne, wymiany pracowników i spotkania sieci: termin, miejsce, organizator.",
            "cs": "Studijní návštěvy, výměny pracovníků a setkání sítě: termín, místo, pořadatel.",
            "en": "Study visits, staff exchanges and network meetings: when, where and who organises them.",
        },
        "keywords": {
            "pl": ["wydarzenia", "wizyty studyjne"],
            "cs": ["akce", "studijní návštěvy"],
            "en": ["events", "study visits"],
        },
        "themes": ("REGI", "GOVE"),
        "frequency": "WEEKLY",
    },
    "partners": {
        "title": {"pl": "Partnerzy", "cs": "Partneři", "en": "Partners"},
        "description": {
            "pl": "Instytucje partnerskie projektu: rodzaj, rola, kraj, adres i lokalizacja.",
            "cs": "Partnerské instituce projektu: druh, role, země, adresa a poloha.",
            "en": "The project's partner institutions: kind, role, country, address and location.",
        },
        "keywords": {
            "pl": ["partnerzy", "samorząd"],
            "cs": ["partneři", "samospráva"],
            "en": ["partners", "local government"],
        },
        "themes": ("GOVE", "REGI"),
        "frequency": "IRREG",
    },
    "topics": {
        "title": {"pl": "Tematy", "cs": "Témata", "en": "Topics"},
        "description": {
            "pl": "Tematy, według których porządkowane są dobre praktyki.",
            "cs": "Témata, podle nichž je dobrá praxe řazena.",
            "en": "The topics that good practices are classified by.",
        },
        "keywords": {"pl": ["tematy"], "cs": ["témata"], "en": ["topics"]},
        "themes": ("REGI",),
        "frequency": "IRREG",
    },
}


def texts(by_language):
    return [{"@language": language, "@value": text} for language, text in by_language.items()]


def uri(value):
    return {"@id": value}


def date_time(value):
    return {"@type": "xsd:dateTime", "@value": value.isoformat()} if value else None


def publisher():
    return {"@id": f"{settings.FRONTEND_BASE_URL}/#publisher", "@type": "foaf:Agent", "foaf:name": texts(PUBLISHER)}


def contact_point():
    contact = {"@type": "vcard:Organization", "vcard:fn": settings.OPEN_DATA_CONTACT_NAME}
    if settings.OPEN_DATA_CONTACT_EMAIL:
        contact["vcard:hasEmail"] = uri(f"mailto:{settings.OPEN_DATA_CONTACT_EMAIL}")
    else:
        contact["vcard:hasURL"] = uri(f"{settings.FRONTEND_BASE_URL}/")
    return contact


def common():
    """What the catalogue and each dataset say alike: licence, languages, coverage, publisher, contact."""
    return {
        "dct:license": uri(LICENCE),
        "dct:language": [uri(LANGUAGES[code]) for code in CONTENT_LANGUAGES if code in LANGUAGES],
        "dct:spatial": [uri(f"http://data.europa.eu/nuts/code/{code}") for code in NUTS_REGIONS],
        "dct:publisher": publisher(),
    }


def catalog(build_uri, modified):
    """The catalogue; `build_uri` makes the API's absolute URLs, `modified` maps collection -> newest change."""
    home = build_uri(reverse("api:opendata-catalog"))
    newest = [value for value in modified.values() if value]
    return {
        "@context": CONTEXT,
        "@id": home,
        "@type": "dcat:Catalog",
        "dct:title": texts(CATALOG_TEXT["title"]),
        "dct:description": texts(CATALOG_TEXT["description"]),
        "foaf:homepage": uri(f"{settings.FRONTEND_BASE_URL}/"),
        "dct:issued": {"@type": "xsd:date", "@value": "2018-02-01"},
        **({"dct:modified": date_time(max(newest))} if newest else {}),
        **common(),
        "dcat:contactPoint": contact_point(),
        "dcat:themeTaxonomy": uri(f"{EU}/data-theme"),
        "dcat:dataset": [dataset(name, home, build_uri, modified.get(name)) for name in COLLECTIONS],
    }


def dataset(name, home, build_uri, modified):
    about = DATASETS[name]
    node = {
        "@id": f"{home}#{name}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{home}#{name}",
        "dct:title": texts(about["title"]),
        "dct:description": texts(about["description"]),
        "dcat:keyword": [
            {"@language": language, "@value": word} for language, words in about["keywords"].items() for word in words
        ],
        "dcat:theme": [uri(f"{EU}/data-theme/{theme}") for theme in about["themes"]],
        "dct:accrualPeriodicity": uri(f"{EU}/frequency/{about['frequency']}"),
        **common(),
        "dcat:contactPoint": contact_point(),
        "dcat:landingPage": uri(settings.FRONTEND_BASE_URL + settings.OPEN_DATA_LANDING_PATH),
        "dcat:distribution": [
            distribution(name, locale, file_format, build_uri)
            for locale in CONTENT_LANGUAGES
            for file_format in formats_of(COLLECTIONS[name])
        ],
    }
    if modified:
        node["dct:modified"] = date_time(modified)
    return node


def distribution(name, locale, file_format, build_uri):
    _writer, _content_type, media_type, file_type = FORMATS[file_format]
    url = build_uri(reverse("api:opendata-download", args=[name, locale, file_format]))
    title = DATASETS[name]["title"]
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": [
            {"@language": code, "@value": f"{text} ({locale}, {file_format.upper()})"} for code, text in title.items()
        ],
        "dcat:accessURL": uri(url),
        "dcat:downloadURL": uri(url),
        "dcat:mediaType": uri(media_type),
        "dct:format": uri(file_type),
        "dct:license": uri(LICENCE),
        "dct:language": uri(LANGUAGES.get(locale, f"{EU}/language/MUL")),
    }
