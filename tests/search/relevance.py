"""Precision@3 and MRR of the search API over the relevance set in queries.yaml."""

from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("queries.yaml")


def load_queries():
    """[(locale, query dict)] in file order."""
    data = yaml.safe_load(QUERIES.read_text())
    return [(locale, item) for locale, items in data.items() for item in items]


def evaluate(client, queries):
    """(precision@3, MRR, misses): precision@3 counts expected pages in the top 3, out of min(3, expected)."""
    precisions, reciprocal_ranks, misses = [], [], []
    for locale, item in queries:
        response = client.get("/api/v2/search/", {"q": item["q"], "locale": locale, "limit": 10})
        assert response.status_code == 200, (item["q"], response.content)
        slugs = [result["path"].rstrip("/").rsplit("/", 1)[-1] for result in response.json()["results"]]
        expected = set(item["expect"])
        found = len(expected & set(slugs[:3]))
        precisions.append(found / min(3, len(expected)))
        rank = next((position for position, slug in enumerate(slugs, 1) if slug in expected), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        if found < min(3, len(expected)):
            misses.append((locale, item["q"], slugs[:3]))
    return sum(precisions) / len(precisions), sum(reciprocal_ranks) / len(reciprocal_ranks), misses
