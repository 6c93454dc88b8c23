"""Which engine searches: settings.SEARCH_ENGINE from the environment (cms/settings/search.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.search import search_engine
from search import engines
from search.engines.database import DatabaseEngine
from search.engines.opensearch import OpenSearchEngine


def environment(**values):
    defaults = {"SEARCH_ENGINE_URL": [], "SEARCH_INDEX_PREFIX": "a4b", "SEARCH_ENGINE_CA_CERTS": ""}
    return {**defaults, **values}.__getitem__


def test_without_a_cluster_url_the_database_searches():
    assert search_engine(environment()) == {"BACKEND": "database"}


def test_a_cluster_url_names_the_cluster_engine_with_its_nodes_and_prefix():
    settings = search_engine(
        environment(
            SEARCH_ENGINE_URL=["https://search:secret@node1:9200", "https://node2:9200"],
            SEARCH_INDEX_PREFIX="portal",
            SEARCH_ENGINE_CA_CERTS="/etc/ssl/cluster.pem",
        )
    )

    assert settings == {
        "BACKEND": "opensearch",
        "OPTIONS": {
            "hosts": ["https://search:secret@node1:9200", "https://node2:9200"],
            "index_prefix": "portal",
            "ca_certs": "/etc/ssl/cluster.pem",
            "timeout": 5,
        },
    }


def test_a_url_that_is_not_http_is_refused_without_showing_its_password():
    with pytest.raises(ImproperlyConfigured, match="scheme 'opensearch'") as refused:
        search_engine(environment(SEARCH_ENGINE_URL=["opensearch://admin:hunter2@node1:9200"]))

    assert "hunter2" not in str(refused.value)


@pytest.mark.parametrize("prefix", ["A4B", "_a4b", "a4b.pl", ""])
def test_an_index_prefix_the_cluster_would_refuse_is_refused_at_start(prefix):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_INDEX_PREFIX"):
        search_engine(environment(SEARCH_ENGINE_URL=["http://node1:9200"], SEARCH_INDEX_PREFIX=prefix))


def test_the_setting_chooses_the_engine(settings):
    assert isinstance(engines.current(), DatabaseEngine)

    settings.SEARCH_ENGINE = search_engine(environment(SEARCH_ENGINE_URL=["http://127.0.0.1:9"]))

    engine = engines.current()
    assert isinstance(engine, OpenSearchEngine)
    assert engine.alias("cs") == "a4b-cs"
    assert engines.current() is engine  # made once, not per request
