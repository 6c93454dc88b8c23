"""The cluster engine: OpenSearch, or Elasticsearch through the same REST API, with the opensearch-py client.

It has been tested only against a recorded HTTP fake of the documented
endpoints (tests/search/test_opensearch.py), never against a live cluster:
see docs/search.md for what that does and does not prove. `indices` says what
is stored and how it is analysed, `queries` what a search asks, `answers` how
the answer becomes our rows, `engine` how writes follow publishing.
"""

from search.engines.opensearch.engine import OpenSearchEngine

__all__ = ["OpenSearchEngine"]
