"""Another process of the installation under test: a `manage.py shell` on the test's own database.

Standing for a second app server, a management command or an administrator's
shell, it shares only what the installation shares: the database, the cache
and the media storage named in its environment.
"""

import os
import subprocess
import sys

from django.db import connection

from cms.env import BASE_DIR
from tests.cms.test_settings import DEV


def database_url():
    """The test database's URL, for a process that cannot be handed the connection."""
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


def run_in_another_process(code, **environment):
    """Run `code` in `manage.py shell` with the dev settings, the test database and `environment`; its result."""
    variables = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": DEV, "DATABASE_URL": database_url()}
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env={**variables, **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
