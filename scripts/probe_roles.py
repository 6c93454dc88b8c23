#!/usr/bin/env python3
"""Try the admin's content-changing paths over HTTP as the demo's translators, reviewers and other-language
editors, against a running portal, and check through the public API that the page stayed as it was.

    manage.py setup_roles --demo-users --password PW   # on the server's database
    manage.py create_validation_demo_users --password PW   # validators and a contributor (validation app)
    python scripts/probe_roles.py --base http://127.0.0.1:8000 --password PW

Prints one row per (user, path): the HTTP status, where a redirect led (the admin's home, with an error
message, is Wagtail's refusal) and whether the page is still public. A control follows: the Czech editor
puts the page behind a password (it must disappear from the API) and lifts it again. Exits 1 if any
probed attempt changed the page or the control failed. Standard library only.
"""

import argparse
import http.cookiejar
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

#: Contributors never publish or change others' pages; validators hold no page rights at all (docs/validation.md).
PROBED_USERS = [
    "reviewer-cs",
    "translator-cs",
    "editor-pl",
    "translator-pl",
    "reviewer-pl",
    "contributor",
    "validator-pl",
    "validator-cs",
]
PATHS = [
    ("delete", "/admin/pages/{id}/delete/", {}),
    ("unpublish", "/admin/pages/{id}/unpublish/", {}),
    ("password", "/admin/pages/{id}/privacy/", {"restriction_type": "password", "password": "probe-secret"}),
    ("bulk unpublish", "/admin/bulk/wagtailcore/page/unpublish/?id={id}", {}),
    ("bulk delete", "/admin/bulk/wagtailcore/page/delete/?id={id}", {}),
    ("convert to alias", "/admin/localize/page/{id}/convert_to_alias/", {}),
]


def say(line):
    sys.stdout.write(line + "\n")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect())

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        token = self.cookie("csrftoken")
        if token:
            request.add_header("X-CSRFToken", token)
        request.add_header("Referer", self.base + "/admin/")
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            return error.code, urllib.parse.urlsplit(error.headers.get("Location", "")).path

    def cookie(self, name):
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def log_in(self, username, password):
        self.request("/admin/login/")
        status, where = self.request(
            "/admin/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": self.cookie("csrftoken") or ""},
        )
        return status == 302 and not where.startswith("/admin/login/")


def live_czech_page(base):
    with urllib.request.urlopen(f"{base}/api/v2/practices/?locale=cs&limit=1", timeout=30) as response:
        return json.load(response)["results"][0]["id"]


def is_public(base, page_id):
    try:
        with urllib.request.urlopen(f"{base}/api/v2/practices/{page_id}/", timeout=30) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--password", required=True, help="the demo users' password (setup_roles --demo-users)")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    page_id = live_czech_page(base)
    changed = 0
    say(f"page {page_id} (a live Czech practice)")
    say(f"{'user':<15} {'path':<18} {'status':>6}  {'redirect':<40} still public")
    for username in PROBED_USERS:
        session = Session(base)
        if not session.log_in(username, args.password):
            say(f"{username:<15} could not sign in")
            changed += 1
            continue
        for label, path, data in PATHS:
            status, where = session.request(path.format(id=page_id), data)
            public = is_public(base, page_id)
            changed += not public
            say(f"{username:<15} {label:<18} {status:>6}  {where:<40} {'yes' if public else 'NO'}")
    say(f"{len(PROBED_USERS) * len(PATHS)} attempts, {changed} changed the page or could not sign in")
    return 1 if changed or not control(base, args.password, page_id) else 0


def control(base, password, page_id):
    """The Czech editor may protect the page: the probe must see it leave the API, then come back."""
    session = Session(base)
    if not session.log_in("editor-cs", password):
        say("control: editor-cs could not sign in")
        return False
    privacy = f"/admin/pages/{page_id}/privacy/"
    session.request(privacy, {"restriction_type": "password", "password": "probe-secret"})
    hidden = not is_public(base, page_id)
    session.request(privacy, {"restriction_type": "none"})
    restored = is_public(base, page_id)
    say(f"control: editor-cs protected the page (hidden from the API: {hidden}) and lifted it (public: {restored})")
    return hidden and restored


if __name__ == "__main__":
    sys.exit(main())
