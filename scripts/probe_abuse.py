#!/usr/bin/env python3
"""Probe a running portal the way an abusive client and a failing cache would, and print what it answered.

    gunicorn cms.wsgi -w 2 ...   # production settings, its own Redis (REDIS_URL), the demo content
    python scripts/probe_abuse.py --base http://127.0.0.1:8000 [--redis-port 6390 --redis-db 0] [--kill-redis PID]

The probes of docs/security.md "Abuse" and "Faults", each a row of the table it prints:

- rotating `X-Forwarded-For` on the API from one address (must meet the rate limit: 429s);
- a widget flood and a feed flood from one address, with another address asking `/api/v2/locales/`
  meanwhile (its slowest answer is the flood's cost to everyone else);
- one request with `Host: localhost`, then the `next` link a normal client receives;
- distinct searches (first and deep pages): how many keys Redis gained and how many never expire
  (with `--redis-port`, read with redis-cli);
- with `--kill-redis PID`: Redis killed, then the API, a widget, a feed, a search and `/health/`.

Each client is its own loopback address (127.0.0.N), since the server counts clients by address when no
proxy is trusted. Standard library only; exits 1 if a probe saw what the security issue forbids.
"""

import argparse
import functools
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

FLOOD = 700
CONCURRENCY = 16


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def row(probe, answer):
    say(f"{probe:62} {answer}")


class Client:
    """One client address; each call opens its own connection (as a browser's would be per request)."""

    def __init__(self, base, address):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.address = parts.hostname, parts.port or 80, address

    def get(self, path, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30, source_address=(self.address, 0))
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


def flood(client, path, count=FLOOD, headers_for=lambda n: {}):
    """The statuses of `count` GETs of `path`, CONCURRENCY at a time, and the seconds they took."""
    started = time.monotonic()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        statuses = list(pool.map(lambda n: client.get(path, headers_for(n))[0], range(count)))
    return statuses, time.monotonic() - started


def tally(statuses):
    counts = {status: statuses.count(status) for status in sorted(set(statuses))}
    return ", ".join(f"{number} × {status}" for status, number in counts.items())


def slowest_while(bystander, path, busy):
    """The slowest answer (ms) to `path` for another client while `busy` runs."""
    times, done = [], threading.Event()

    def ask():
        while not done.is_set():
            started = time.monotonic()
            bystander.get(path)
            times.append((time.monotonic() - started) * 1000)
            time.sleep(0.05)

    asker = threading.Thread(target=ask)
    asker.start()
    try:
        result = busy()
    finally:
        done.set()
        asker.join()
    return result, max(times) if times else 0.0


def redis_keys(port, db):
    """(keys, keys without expiry) in the probed Redis database."""
    command = ["redis-cli", "-p", str(port), "-n", str(db)]
    keys = subprocess.run([*command, "--scan"], capture_output=True, text=True, check=True).stdout.split()
    persistent = [
        key
        for key in keys
        if subprocess.run([*command, "TTL", key], capture_output=True, text=True).stdout.strip() == "-1"
    ]
    return len(keys), len(persistent)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--redis-port", type=int, help="the probed server's Redis (for the key counts)")
    parser.add_argument("--redis-db", type=int, default=0)
    parser.add_argument("--kill-redis", type=int, metavar="PID", help="kill this Redis at the end and probe again")
    args = parser.parse_args()
    failures = []
    row("probe", "answer")

    rotating = Client(args.base, "127.0.0.11")
    statuses, _ = flood(
        rotating, "/api/v2/practices/", headers_for=lambda n: {"X-Forwarded-For": f"10.9.{n // 250}.{n % 250}"}
    )
    row(f"{FLOOD} × /api/v2/practices/, rotating X-Forwarded-For", tally(statuses))
    if 429 not in statuses:
        failures.append("rotating X-Forwarded-For escaped the rate limit")

    bystander = Client(args.base, "127.0.0.99")
    for number, path in enumerate(["/embed/pl/practices/", "/feeds/pl/practices.rss"], start=12):
        flooder = Client(args.base, f"127.0.0.{number}")
        (statuses, seconds), slowest = slowest_while(
            bystander, "/api/v2/locales/", functools.partial(flood, flooder, path)
        )
        row(f"{FLOOD} × {path} from one client", f"{tally(statuses)} in {seconds:.1f} s")
        row("  another client's slowest /api/v2/locales/ meanwhile", f"{slowest:.0f} ms")
        if 429 not in statuses:
            failures.append(f"{path} was not rate-limited")

    poisoner, reader = Client(args.base, "127.0.0.14"), Client(args.base, "127.0.0.15")
    poisoner.get("/api/v2/practices/?limit=2", {"Host": "localhost"})
    status, body = reader.get("/api/v2/practices/?limit=2")
    following = json.loads(body).get("next") or ""
    row("'next' after one request with Host: localhost", following)
    if urllib.parse.urlsplit(following).hostname == "localhost":
        failures.append("a Host header poisoned the cached answer")

    if args.redis_port:
        before = redis_keys(args.redis_port, args.redis_db)
        for number in range(6):
            searcher = Client(args.base, f"127.0.1.{number}")
            with ThreadPoolExecutor(CONCURRENCY) as pool:
                urls = [f"/api/v2/search/?q=park{number}x{n}&locale=pl&page={1 + n % 2}" for n in range(100)]
                list(pool.map(searcher.get, urls))
        after = redis_keys(args.redis_port, args.redis_db)
        row(
            "600 distinct searches (300 deep pages)",
            f"+{after[0] - before[0]} keys, +{after[1] - before[1]} without expiry",
        )
        if after[1] - before[1] > 1:
            failures.append("searches wrote keys that never expire")

    if args.kill_redis:
        os.kill(args.kill_redis, signal.SIGKILL)
        time.sleep(0.5)
        survivor = Client(args.base, "127.0.0.16")
        for path in [
            "/api/v2/practices/",
            "/embed/pl/practices/",
            "/feeds/pl/practices.rss",
            "/api/v2/search/?q=park&locale=pl",
            "/health/",
        ]:
            status, body = survivor.get(path)
            shown = body.decode()[:90] if path == "/health/" else f"{len(body):,} bytes"
            row(f"Redis killed: {path}", f"{status} {shown}")
            if status >= 500 and path != "/health/":
                failures.append(f"{path} answered {status} without Redis")

    for failure in failures:
        say(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
