"""Without Redis, every process of one installation shares one cache: a change made in one is seen by all.

The running server is the test's live server; the other process is a
`manage.py shell` that puts a page behind a password, as an administrator
or a management command would. Both take their cache from the settings'
default for an installation without REDIS_URL.
"""

import json
import urllib.request

import pytest
from django.db import connection

from tests.cms.test_settings import DEV, settings_values
from tests.processes import database_url, run_in_another_process

pytestmark = [
    pytest.mark.usefixtures("migrated_data_back"),
    # The other process reads the test's database, which an in-memory SQLite one cannot share.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="another process needs the test database"),
]


def listed_titles(server):
    with urllib.request.urlopen(f"{server.url}/api/v2/practices/") as response:
        return [item["title"] for item in json.load(response)["results"]]


@pytest.mark.django_db(transaction=True)
def test_a_page_protected_from_another_process_disappears_from_the_running_server(
    live_server, content, settings, tmp_path
):
    installation = {"REDIS_URL": "", "FILE_CACHE_DIR": str(tmp_path), "DATABASE_URL": database_url()}
    settings.CACHES = settings_values(DEV, ["CACHES"], **installation)["CACHES"]
    assert listed_titles(live_server) == ["Wspólny bilet"]

    protect = (
        "from wagtail.models import Page, PageViewRestriction; "
        f"PageViewRestriction.objects.create(page=Page.objects.get(pk={content.practice.pk}), "
        "restriction_type='password', password='secret')"
    )
    result = run_in_another_process(protect, **installation)

    assert result.returncode == 0, result.stderr
    assert listed_titles(live_server) == []
