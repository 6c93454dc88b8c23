"""Publishes a practice's new summary on request, for `make bench-frontend`'s freshness measurement.

Started once by the bench (frontend/scripts/bench/freshness.ts) with the CMS's settings and database in its
environment, so Django starts once rather than once per publish: each line on stdin is a JSON object
`{"page": <id>, "summary": "<text>"}`; the page gets that summary in a new revision, published as an editor's
Publish button does (`Revision.publish`, which sends Wagtail's `page_published` and so queues the webhook
deliveries), and a line `{"published_at": <Unix time in ms>}` answers once the publish has been committed. A line
`{"ready": true}` says that Django has started.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from wagtail.models import Page

    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        request = json.loads(line)
        page = Page.objects.get(pk=request["page"]).specific
        page.summary = request["summary"]
        page.save_revision(log_action=True).publish(log_action=True)
        sys.stdout.write(json.dumps({"published_at": time.time() * 1000}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
