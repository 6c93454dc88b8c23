"""The public contract, recorded: every API, widget, feed, geo and open-data answer of the demo, and the schema.

    python scripts/public_contract.py record   # write tests/contract/public.json from this checkout
    python scripts/public_contract.py check    # exit 1 and show the differences if an answer changed

A refactoring must leave what the outside world reads byte for byte alone (issue 17). This builds the demo
in a new SQLite database of its own (so ids are the same on every run), walks what a client can reach from
the API's own answers (lists, details, `pages/find` for every page, search, geo, oEmbed, widgets, feeds), and
keeps each answer's status, content type and body. The clock stands at one moment (DEMO_DAY, with
`time-machine`) while the demo is loaded and walked, so the demo's events fall on the same dates and the
same ones are upcoming on every run; publication times are pinned to 09:00 of that day. The only thing
normalised is the random part Wagtail adds to rendition file names.
"""

import argparse
import datetime
import difflib
import io
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "contract" / "public.json"
LOCALES = ("pl", "cs")
SEARCHES = ("rower", "Ołomuniec", "spoluprace", "Opole", "zzzz")
#: The moment the clock stands at (Europe/Warsaw noon).
DEMO_DAY = datetime.datetime(2026, 12, 1, 11, 0, tzinfo=datetime.UTC)


def setup(workdir):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{workdir}/contract.sqlite3",
        REDIS_URL="",
        FILE_CACHE_DIR=str(workdir / "cache"),
    )
    os.environ.pop("PYTEST_XDIST_WORKER", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = str(workdir / "media")
    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    pin_publication_times(timezone.localdate())


def pin_publication_times(today):
    """Every publication at 09:00 of the demo's day, not at the second the loader ran: feeds and lists show them."""
    import datetime as dt

    from django.apps import apps
    from django.utils import timezone

    moment = timezone.make_aware(dt.datetime.combine(today, dt.time(9)))
    for model in apps.get_models():
        names = {field.name for field in model._meta.concrete_fields}
        pinned = {name: moment for name in ("first_published_at", "last_published_at", "published_at") if name in names}
        if pinned and not model._meta.proxy:
            model._base_manager.update(**pinned)


class Walker:
    """GETs each URL once, in the order found, through Django's test client (no server, no network)."""

    def __init__(self):
        from django.test import Client

        self.client = Client()
        self.answers = {}

    def get(self, url):
        if url in self.answers:
            return self.answers[url]["json"]
        response = self.client.get(url)
        content_type = response.get("Content-Type", "")
        body = response.content.decode("utf-8", "replace")
        parsed = json.loads(body) if "json" in content_type and body else None
        self.answers[url] = {
            "status": response.status_code,
            "content_type": content_type,
            "body": self.normalised(body),
            "json": parsed,
        }
        return parsed

    @staticmethod
    def normalised(text):
        """Rendition file names without the random letters Wagtail adds when a name is taken."""
        return re.sub(r"(_[A-Za-z0-9]{7})(\.[a-z0-9]+\.[a-z0-9]+\.(?:jpe?g|png|webp|avif))", r"\2", text)

    def results(self, url):
        found = self.get(url)
        return found.get("results", []) if isinstance(found, dict) else []


def walk():
    walker = Walker()
    walker.get("/api/schema/")
    walker.get("/api/v2/locales/")
    walker.get("/embed.js")
    for locale in LOCALES:
        walker.get(f"/api/v2/home/?locale={locale}")
        walker.get(f"/api/v2/navigation/?locale={locale}")
        walker.get(f"/api/v2/topics/?locale={locale}")
        walker.get(f"/api/v2/stats/?locale={locale}")
        for endpoint, kind in (("practices", "practice"), ("events", "event"), ("partners", "partner")):
            for item in walker.results(f"/api/v2/{endpoint}/?locale={locale}&limit=100"):
                walker.get(f"/api/v2/{endpoint}/{item['id']}/")
                walker.get(f"/embed/{locale}/{kind}/{item['id']}/")
                if item.get("url"):
                    walker.get(f"/api/v2/pages/find/?path={urlsplit(item['url']).path}")
                    walker.get(f"/api/oembed/?url={item['url']}&format=json")
                if kind == "event":
                    walker.get(f"/feeds/{locale}/events/{item['id']}.ics")
            walker.get(f"/api/v2/geo/{endpoint}/?locale={locale}")
        for page in walker.results(f"/api/v2/standard-pages/?locale={locale}&limit=100"):
            walker.get(f"/api/v2/standard-pages/{page['id']}/")
        for query in SEARCHES:
            walker.get(f"/api/v2/search/?locale={locale}&q={query}")
            walker.get(f"/api/v2/search/autocomplete/?locale={locale}&q={query[:4]}")
        for feed in ("practices.rss", "practices.atom", "events.rss", "events.atom", "events.ics"):
            walker.get(f"/feeds/{locale}/{feed}")
        for widget in ("events", "practices"):
            walker.get(f"/embed/{locale}/{widget}/")
    catalog = walker.get("/api/v2/opendata/catalog.jsonld")
    for dataset in catalog["dcat:dataset"]:
        for distribution in dataset["dcat:distribution"]:
            walker.get(urlsplit(distribution["dcat:downloadURL"]["@id"]).path)
    return {
        url: {key: value for key, value in answer.items() if key != "json"} for url, answer in walker.answers.items()
    }


def record_answers():
    import time_machine

    with tempfile.TemporaryDirectory(prefix="a4b-contract-") as directory, time_machine.travel(DEMO_DAY):
        setup(Path(directory))
        return walk()


def pretty(body):
    """A JSON body one value a line, so a difference shows where it is; other bodies as they are."""
    try:
        return json.dumps(json.loads(body), ensure_ascii=False, indent=1)
    except ValueError:
        return body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["record", "check"])
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    args = parser.parse_args()
    answers = record_answers()
    if args.action == "record":
        args.snapshot.parent.mkdir(parents=True, exist_ok=True)
        args.snapshot.write_text(json.dumps(answers, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        sys.stdout.write(f"Recorded {len(answers)} answers in {args.snapshot.relative_to(ROOT)}\n")
        return 0
    recorded = json.loads(args.snapshot.read_text())
    differences = []
    for url in sorted(set(recorded) | set(answers)):
        before, after = recorded.get(url), answers.get(url)
        if before == after:
            continue
        differences.append(f"== {url}")
        if before is None or after is None:
            differences.append("   only " + ("after" if before is None else "before"))
            continue
        for key in ("status", "content_type"):
            if before[key] != after[key]:
                differences.append(f"   {key}: {before[key]!r} -> {after[key]!r}")
        for line in difflib.unified_diff(
            pretty(before["body"]).splitlines(), pretty(after["body"]).splitlines(), "recorded", "now", lineterm="", n=1
        ):
            differences.append("   " + line[:300])
    sys.stdout.write(f"{len(answers)} answers, {len(recorded)} recorded\n")
    if differences:
        sys.stdout.write("\n".join(differences[:400]) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
