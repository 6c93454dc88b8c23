"""Search measured over representative queries, through our search API and through stock Wagtail's."""

import urllib.parse
import urllib.request

from bench.wrk import BASE, wrk_rotation

#: Representative searches, (locale, query): inflections, missing diacritics, place names in the other
#: language, several words, and two that match most of the data set ("współpracy", "spoluprace").
SEARCHES = [
    ("pl", "współpracy"),
    ("pl", "wspolny bilet"),
    ("pl", "termomodernizacji szkół"),
    ("pl", "rewitalizacja Krapkowice"),
    ("pl", "trasy rowerowe Nysa"),
    ("pl", "retencja wody Olomouc"),
    ("pl", "otwarte dane"),
    ("pl", "inwestorów w Brzegu"),
    ("pl", "staże pracowników"),
    ("pl", "szlaki turystyczne Opolí"),
    ("cs", "spoluprace"),
    ("cs", "jizdenka"),
    ("cs", "energeticke upravy skol"),
    ("cs", "revitalizace Krapkowice"),
    ("cs", "cyklotrasy Prostějov"),
    ("cs", "destove vody Ołomuniec"),
    ("cs", "otevrena data"),
    ("cs", "investory Přerov"),
    ("cs", "stáže zaměstnanců"),
    ("cs", "péče o seniory Šternberk"),
]


def search_paths():
    ours, stock = [], []
    for locale, query in SEARCHES:
        ours.append("/api/v2/search/?" + urllib.parse.urlencode({"q": query, "locale": locale}))
        stock.append("/bench/stock/api/v2/pages/?" + urllib.parse.urlencode({"search": query, "locale": locale}))
    return {"ours: search API": ours, "stock v2: pages ?search=": stock}


def measure_search(duration):
    """[(name, req/s, p50, p95 under load, p50, p95 one request per worker)] for the 20 searches in turn.

    Under `-c16` two sync workers queue 16 connections, so latency there is
    mostly waiting (about 16 / throughput); `-c2` keeps one request per worker
    and shows how long a search itself takes.
    """
    rows = []
    for name, paths in search_paths().items():
        for path in paths:  # warm up, and fail early on an error
            urllib.request.urlopen(BASE + path).read()
        loaded = wrk_rotation(paths, duration, 16)
        alone = wrk_rotation(paths, duration, 2)
        rows.append((name, *loaded, *alone[1:]))
    return rows


def search_table(rows, args):
    stock = rows[-1][1]
    lines = [
        "## Search",
        "",
        f"{len(SEARCHES)} representative queries in turn (Polish and Czech; inflections, missing diacritics, "
        f"place names, several words), uncached, on the same {args.practices:,} practices × 2 locales, "
        f"`wrk -t2 -d{args.search_duration}` with 16 connections (throughput, latency with queueing) and with 2 "
        "(one request per worker: the latency of a search itself). Targets (issue #5): p95 < 50 ms, "
        "≥ 10× stock throughput.",
        "",
        "| target | req/s (c16) | p50 ms (c16) | p95 ms (c16) | p50 ms (c2) | p95 ms (c2) | × stock |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(
            f"| {name} | {rate:,.1f} | {p50:.1f} | {p95:.1f} | {alone50:.1f} | {alone95:.1f} | {rate / stock:.1f}× |"
            for name, rate, p50, p95, alone50, alone95 in rows
        ),
        "",
        "Queries: " + ", ".join(f"`{query}` ({locale})" for locale, query in SEARCHES) + ".",
        "",
    ]
    return "\n".join(lines)
