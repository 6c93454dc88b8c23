"""The relevance set (queries.yaml) over the demo content: precision@3 ≥ 0.9, reported with MRR."""

import pytest
from django.core.management import call_command

from tests.search.relevance import evaluate, load_queries

pytestmark = pytest.mark.django_db

QUERIES = load_queries()


@pytest.fixture(scope="module")
def demo(module_db):
    call_command("load_demo", verbosity=0)
    # Publishing indexed it already on the database engine; a cluster (SEARCH_ENGINE_URL) is written
    # after commits, which a test's transaction never makes, so it is filled here.
    call_command("update_index", "--search-only", verbosity=0)


def test_the_relevance_set_covers_both_languages_and_every_kind_of_query():
    by_locale = {locale: [item for loc, item in QUERIES if loc == locale] for locale in ("pl", "cs")}

    assert len(by_locale["pl"]) >= 20
    assert len(by_locale["cs"]) >= 20
    for items in by_locale.values():
        assert {"inflection", "no diacritics", "place name", "multi-word"} <= {item["kind"] for item in items}


def test_precision_at_3_and_mrr_over_the_demo(demo, client, record_property):
    precision, mrr, misses = evaluate(client, QUERIES)

    # Printed in the run's summary by tests/conftest.py (also under pytest-xdist).
    record_property(
        "summary", f"search relevance over {len(QUERIES)} queries: precision@3 = {precision:.3f}, MRR = {mrr:.3f}"
    )
    assert precision >= 0.9, misses
