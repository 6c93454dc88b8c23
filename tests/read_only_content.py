"""`content` and `site_tree` built once per module, for test directories whose tests only read them.

Feeds, map data, widgets and oEmbed only render what exists, so rebuilding and
re-translating the bilingual content for each test would only cost time. A
directory opts in by importing both fixtures into its conftest.py.
"""

import pytest


@pytest.fixture
def content(shared_content):
    return shared_content[1]


@pytest.fixture
def site_tree(shared_content):
    return shared_content[0]
