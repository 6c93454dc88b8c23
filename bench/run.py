"""`make bench`: our API against stock Wagtail API v2 and a trivial view, on one server, in one run.

Builds (once) a PostgreSQL data set of 10,000 practices with Czech translations,
starts gunicorn with 2 sync workers on loopback, and measures every target with
`wrk -t2 -c16` (req/s, p50, p99), in interleaved rounds; the list of 20 also with 2 connections, one
request per worker, for its latency without queueing, and, as the floor under it, a list of one item and
the locales (one query through the same stack). Uncached targets run on a server that keeps no
rendered responses (API_CACHE_TIMEOUT=0); cached targets on one that does. Search
is measured over 20 representative queries in turn (req/s, p50, p95), through our
/api/v2/search/ and through stock `/api/v2/pages/?search=` on the same data. The
markdown tables are printed and written to docs/performance.md; `--only search`
measures search alone and only prints its table. Run as `python -m bench.run` from the project root.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.search import measure_search, search_table
from bench.wrk import BASE, PORT, wrk

ROOT = Path(__file__).resolve().parent.parent
ANALYSIS = "## Analysis"
#: Name of the trivial view's row; each server's rows are compared with its own.
CEILING = "trivial Django JSON view (ceiling)"
STOCK_LIST = "/bench/stock/api/v2/pages/?type=practices.PracticePage&fields=*"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/a4b_bench")
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"))
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--duration", default="5s", help="Of each wrk run.")
    parser.add_argument("--rounds", type=int, default=3, help="Interleaved rounds over every API target.")
    parser.add_argument("--search-duration", default="15s", help="Of each wrk run over the searches.")
    parser.add_argument("--output", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument("--only", choices=["search"], help="Measure search alone (prints; writes no file).")
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "ensure_database.py"), args.database_url], check=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.bench",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789",
        "API_THROTTLE_RATE": "100000000/second",
        "MEDIA_ROOT": str(ROOT / "bench" / "data" / "media"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "build_bench_data", "--practices", str(args.practices)], env=env, check=True, cwd=ROOT)

    if args.only == "search":
        with server({**env, "API_CACHE_TIMEOUT": "0"}):
            sys.stdout.write(search_table(measure_search(args.search_duration), args))
        return

    with server({**env, "API_CACHE_TIMEOUT": "0"}):
        search_rows = measure_search(args.search_duration)
        first = json.load(urllib.request.urlopen(f"{BASE}/api/v2/practices/?locale=cs&limit=1"))
        practice_id = first["results"][0]["id"]
        rows = measure(
            [
                ("ours: practices list, 20, cs", "/api/v2/practices/?locale=cs&limit=20"),
                (
                    "ours: practices list, 20, cs, 2 connections",
                    "/api/v2/practices/?locale=cs&limit=20",
                    {"connections": 2},
                ),
                ("ours: practices list, 100, cs", "/api/v2/practices/?locale=cs&limit=100"),
                # What every list costs whatever its size, and one query through the same stack: the floor
                # under the list of 20 (docs/performance.md, "Why p50 under wrk -c16 stays above 25 ms").
                ("ours: practices list, 1, cs", "/api/v2/practices/?locale=cs&limit=1"),
                ("ours: locales (one query)", "/api/v2/locales/"),
                ("ours: practice detail", f"/api/v2/practices/{practice_id}/"),
                ("stock v2: pages list, 20, cs", f"{STOCK_LIST}&limit=20&locale=cs"),
                ("stock v2: pages list, 100, cs", f"{STOCK_LIST}&limit=100&locale=cs"),
                ("stock v2: page detail", f"/bench/stock/api/v2/pages/{practice_id}/"),
                (CEILING, "/bench/trivial/"),
            ],
            args,
        )
    with server({**env, "API_CACHE_TIMEOUT": "3600"}):
        path = "/api/v2/practices/?locale=cs&limit=20"
        etag = urllib.request.urlopen(BASE + path).headers["ETag"]
        rows += measure(
            [
                ("ours: practices list, 20, cs, cached", path),
                ("ours: same, If-None-Match → 304", path, {"header": f"If-None-Match: {etag}"}),
                (f"{CEILING}, cached server", "/bench/trivial/"),
            ],
            args,
        )

    report = table(rows, args) + "\n" + search_table(search_rows, args)
    sys.stdout.write(report)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    # Keep the hand-written analysis below the table across runs.
    previous = output.read_text() if output.exists() else ""
    analysis = previous[previous.index(ANALYSIS) :] if ANALYSIS in previous else ""
    output.write_text(report + ("\n" + analysis if analysis else ""))


class server:
    """gunicorn with 2 sync workers on loopback, for the duration of a `with` block."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        command = [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "-b", f"127.0.0.1:{PORT}", "-w", "2"]
        self.process = subprocess.Popen(command, env=self.env, cwd=ROOT, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{BASE}/health/", timeout=1)
                return self
            except OSError:
                time.sleep(0.2)
        self.process.kill()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def measure(targets, args):
    """[(name, path, req/s, p50, p99)] of (name, path[, wrk options]) targets measured in interleaved rounds.

    Each round runs every target once, in turn, for `--duration`; a change in
    the shared machine's load then falls on all targets alike instead of on
    whichever ran at that moment. req/s is the mean over the rounds (equal
    durations: the total rate), latencies the median round's.
    """
    results = {target[0]: [] for target in targets}
    for _ in range(args.rounds):
        for name, path, *options in targets:
            results[name].append(wrk(path, args.duration, **(options[0] if options else {})))
    rows = []
    for name, path, *_options in targets:
        rates, p50s, p99s = zip(*results[name], strict=True)
        rows.append([name, path, statistics.mean(rates), statistics.median(p50s), statistics.median(p99s)])
    ceiling = next(row[2] for row in rows if row[0].startswith(CEILING))
    return [(*row, ceiling) for row in rows]


def table(rows, args):
    by_name = {name: rate for name, _path, rate, *_ in rows}
    stock = {
        "ours: practices list, 20, cs": "stock v2: pages list, 20, cs",
        "ours: practices list, 100, cs": "stock v2: pages list, 100, cs",
        "ours: practice detail": "stock v2: page detail",
    }
    lines = [
        "# API performance",
        "",
        f"`make bench` on {args.practices:,} practices × 2 locales (PostgreSQL, gunicorn 2 sync workers, "
        f"`wrk -t2 -c16 -d{args.duration}` in {args.rounds} interleaved rounds over every target: req/s is "
        f"their mean, latencies the median round's), measured {time.strftime('%Y-%m-%d')}. The row marked "
        "2 connections keeps one request per worker: the latency of a request without queueing.",
        "",
        "| target | req/s | p50 ms | p99 ms | × stock | % of the trivial view |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, _path, rate, p50, p99, ceiling in rows:
        versus = f"{rate / by_name[stock[name]]:.1f}×" if name in stock else ""
        lines.append(f"| {name} | {rate:,.0f} | {p50:.1f} | {p99:.1f} | {versus} | {100 * rate / ceiling:.0f} % |")
    lines += [
        "",
        "Uncached rows ran on a server that keeps no rendered responses; the cached rows on one that does, "
        "with the same URL (a cache hit) and with `If-None-Match` (a 304). Each row's percentage is of the "
        "trivial view measured on the same server, in the same rounds. Paths:",
        "",
        *(f"- {name}: `{path}`" for name, path, *_ in rows),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
