"""The cluster engine against a recorded-HTTP fake (cluster_fake.py), never a live cluster.

What these tests prove: the exact requests the engine sends through the real
opensearch-py client (index settings with the Polish and Czech analysis, the
`_bulk` bodies of a publish, an unpublish and a rebuild, the alias move, the
`_search` bodies with visibility, facet filters, aggregations and highlights)
and how recorded answers, shaped as the documentation shows them, become our
API's answers. What they cannot prove: that a cluster finds and ranks the
right pages. The answers below are written by hand, so no relevance figure is
claimed for this engine; the relevance suite runs on the database engine.
"""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from practices.factories import PracticePageFactory, TopicFactory
from practices.models import PracticePage
from search.engines.opensearch.indices import document, index_body
from tests.search.cluster_fake import FakeCluster

SEARCH = "/api/v2/search/"
FIELDS = ["title^10", "title_more^10", "summary^3.5", "summary_more^3.5", "body^1"]
FOLDED = [field.replace("^", ".folded^") for field in FIELDS]
SOURCE = ["page_id", "kind", "locale_id", "title", "shown_summary", "body", "published_at"]


@pytest.fixture
def cluster(settings):
    fake = FakeCluster().start()
    settings.SEARCH_ENGINE = {"BACKEND": "opensearch", "OPTIONS": {"hosts": [fake.url], "index_prefix": "test"}}
    yield fake
    fake.stop()


def publish(page):
    page.save_revision().publish()
    return PracticePage.objects.get(pk=page.pk)


def stored(page):
    """What the engine stores for `page`, as the recorded answers hand it back."""
    return {key: value for key, value in document(page, "practice").items() if key in SOURCE}


def hit(page, highlight=None, score=1.0):
    return {
        "_index": "test-pl-1",
        "_id": str(page.pk),
        "_score": score,
        "_source": stored(page),
        "highlight": highlight or {},
    }


def answer(hits, total, facets=None, matched=None):
    """A `_search` answer as the documentation shows one: hits with their total, and the aggregations asked for."""
    facets = facets or {}
    return {
        "took": 2,
        "timed_out": False,
        "hits": {"total": {"value": total, "relation": "eq"}, "max_score": 1.0, "hits": hits},
        "aggregations": {
            "matched": {"doc_count": total if matched is None else matched},
            **{
                name: {
                    "doc_count": sum(facets.get(name, {}).values()),
                    "values": {
                        "doc_count_error_upper_bound": 0,
                        "sum_other_doc_count": 0,
                        "buckets": [{"key": key, "doc_count": count} for key, count in facets.get(name, {}).items()],
                    },
                }
                for name in ("type", "agglomeration", "topic")
            },
        },
    }


def test_update_index_creates_an_index_per_language_fills_it_and_moves_the_alias(cluster, site_tree):
    practice = PracticePageFactory(
        parent=site_tree.practices,
        title="Współpraca gmin",
        summary="Wspólne bilety.",
        municipality="Opole",
        agglomeration="olomouc",
        topics=[TopicFactory(slug="mobility")],
    )
    cluster.record("GET", "/_alias/test-pl", {"test-pl-20260101000000000000": {"aliases": {"test-pl": {}}}})

    call_command("update_index", "--search-only", stdout=io.StringIO())

    created = [request for request in cluster.requests if request.method == "PUT"]
    assert [re.sub(r"\d{20}$", "<stamp>", request.path) for request in created] == [
        "/test-pl-<stamp>",
        "/test-cs-<stamp>",
    ]
    polish, czech = (request.path[1:] for request in created)
    assert created[0].body == index_body("pl")
    assert created[0].body["settings"]["analysis"]["analyzer"]["a4b_text"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "polish_stop", "polish_stem", "asciifolding"],
    }
    assert created[1].body["settings"]["analysis"]["analyzer"]["a4b_text"]["filter"] == [
        "lowercase",
        "a4b_czech_stop",
        "a4b_czech_stem",
        "asciifolding",
    ]
    assert created[1].body["settings"]["analysis"]["filter"] == {
        "a4b_czech_stop": {"type": "stop", "stopwords": "_czech_"},
        "a4b_czech_stem": {"type": "stemmer", "language": "czech"},
    }
    assert created[0].body["mappings"]["properties"]["title"] == {
        "type": "text",
        "analyzer": "a4b_text",
        "fields": {
            "folded": {"type": "text", "analyzer": "a4b_folded"},
            "sort": {"type": "keyword", "normalizer": "a4b_folded"},
        },
    }

    (bulk,) = cluster.made("POST", "/_bulk")
    assert bulk.body == [
        {"index": {"_index": polish, "_id": practice.pk}},
        {
            "page_id": practice.pk,
            "locale_id": practice.locale_id,
            "kind": "practice",
            "title": "Współpraca gmin",
            "title_more": "",
            "summary": "Wspólne bilety.",
            "summary_more": "Opole",
            "body": document(practice, "practice")["body"],
            "shown_summary": "Wspólne bilety.",
            "agglomeration": "olomouc",
            "topics": ["mobility"],
            "published_at": None,
        },
    ]
    assert [request.path for request in cluster.requests if request.path.endswith("_refresh")] == [
        f"/{polish},{czech}/_refresh"
    ]
    assert [request.body for request in cluster.made("POST", "/_aliases")] == [
        {
            "actions": [
                {"remove": {"index": "test-pl-20260101000000000000", "alias": "test-pl"}},
                {"add": {"index": polish, "alias": "test-pl"}},
            ]
        },
        {"actions": [{"add": {"index": czech, "alias": "test-cs"}}]},
    ]
    assert cluster.made("DELETE", "/test-pl-20260101000000000000")


def test_a_publish_writes_after_the_commit_and_an_unpublish_deletes_at_once(
    cluster, site_tree, django_capture_on_commit_callbacks
):
    page = PracticePageFactory(parent=site_tree.practices, title="Rowery miejskie")

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        assert cluster.requests == []  # a rolled-back publish would write nothing

    (write,) = cluster.made("POST", "/_bulk")
    assert write.params == {"refresh": "wait_for", "require_alias": "true"}
    live = PracticePage.objects.get(pk=page.pk)
    assert write.body == [{"index": {"_index": "test-pl", "_id": page.pk}}, document(live, "practice")]
    assert write.body[1]["published_at"] == live.first_published_at.isoformat()

    live.unpublish()

    delete = cluster.made("POST", "/_bulk")[1]
    assert delete.params == {"refresh": "wait_for"}
    assert delete.body == [
        {"delete": {"_index": "test-pl", "_id": page.pk}},
        {"delete": {"_index": "test-cs", "_id": page.pk}},
    ]


def test_the_first_publish_before_any_rebuild_creates_the_language_s_index(
    cluster, site_tree, django_capture_on_commit_callbacks
):
    page = PracticePageFactory(parent=site_tree.practices)
    missing = {
        "type": "index_not_found_exception",
        "reason": "no such index [test-pl] and [require_alias] request flag is [true] and [test-pl] is not an alias",
        "index": "test-pl",
    }
    cluster.record(
        "POST",
        "/_bulk",
        {"took": 1, "errors": True, "items": [{"index": {"_index": "test-pl", "status": 404, "error": missing}}]},
    )

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert [(request.method, request.path) for request in cluster.requests] == [
        ("POST", "/_bulk"),
        ("PUT", "/test-pl-first"),
        ("POST", "/_bulk"),
    ]
    assert cluster.requests[1].body == {**index_body("pl"), "aliases": {"test-pl": {}}}
    assert cluster.requests[2].body == cluster.requests[0].body


@pytest.fixture
def pages(site_tree):
    """Two live Polish practices and a draft, published through the database engine (the cluster is set later)."""
    cooperation = publish(
        PracticePageFactory(
            parent=site_tree.practices,
            title="Współpraca gmin w Ołomuńcu",
            slug="wspolpraca",
            summary="Wspólne bilety i trasy <rowerowe> & więcej.",
            agglomeration="olomouc",
            topics=[TopicFactory(name="Mobilność", slug="mobility")],
        )
    )
    older = publish(PracticePageFactory(parent=site_tree.practices, title="Szkoły", agglomeration="opole"))
    draft = PracticePageFactory(parent=site_tree.practices, title="Współpraca szkic", live=False)
    return {"cooperation": cooperation, "older": older, "draft": draft}


def test_a_search_asks_for_one_page_with_visibility_facets_and_highlights(client, pages, cluster):
    cooperation, older = pages["cooperation"], pages["older"]
    highlight = {
        "title": ["\ue000Współpraca\ue001 gmin w Ołomuńcu"],
        "summary.folded": ["Wspólne bilety i trasy <rowerowe> & \ue000więcej\ue001."],
    }
    cluster.record(
        "POST",
        "/test-pl/_search",
        answer(
            [hit(cooperation, highlight)],
            total=2,
            facets={"type": {"practice": 2}, "agglomeration": {"olomouc": 1, "opole": 1}, "topic": {"mobility": 1}},
        ),
    )

    data = client.get(SEARCH, {"q": "współpraca", "type": "practice", "limit": 1}).json()

    (request,) = cluster.made("POST", "/test-pl/_search")
    body = request.body
    polish = Locale.objects.get(language_code="pl").pk
    assert (body["from"], body["size"], body["track_total_hits"]) == (0, 1, True)
    assert body["query"] == {
        "bool": {
            "must": [
                {
                    "bool": {
                        "should": [
                            {"multi_match": {"query": "współpraca", "fields": FIELDS, "operator": "and"}},
                            {"multi_match": {"query": "wspolpraca", "fields": FOLDED}},
                        ],
                        "minimum_should_match": 1,
                    }
                }
            ],
            # The draft is left out by id: the database decides what is public.
            "filter": [
                {"term": {"locale_id": polish}},
                {"bool": {"must_not": [{"terms": {"page_id": [pages["draft"].pk]}}]}},
            ],
        }
    }
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"kind": ["practice"]}}]}}
    assert body["aggs"]["matched"] == {"filter": {"match_all": {}}}
    assert body["aggs"]["type"]["filter"] == {"bool": {"filter": []}}
    assert body["aggs"]["agglomeration"]["filter"] == {"bool": {"filter": [{"terms": {"kind": ["practice"]}}]}}
    assert body["aggs"]["topic"]["aggs"] == {"values": {"terms": {"field": "topics", "size": 1000}}}
    assert body["highlight"] == {
        "pre_tags": ["\ue000"],
        "post_tags": ["\ue001"],
        "number_of_fragments": 0,
        "fields": {
            field: {} for field in ("title", "title.folded", "summary", "summary.folded", "body", "body.folded")
        },
    }
    assert body["sort"] == [
        {"_score": "desc"},
        {"published_at": {"order": "desc", "missing": "_last"}},
        {"page_id": "desc"},
    ]
    assert body["_source"] == SOURCE

    assert data["count"] == 2
    assert "offset=1" in data["next"]
    assert data["matched_all_words"] is True
    (result,) = data["results"]
    assert (result["id"], result["type"], result["path"]) == (cooperation.pk, "practice", "/dobre-praktyki/wspolpraca/")
    assert result["summary"] == "Wspólne bilety i trasy <rowerowe> & więcej."
    assert result["first_published_at"] is not None
    assert result["highlight"] == {
        "title": "<mark>Współpraca</mark> gmin w Ołomuńcu",
        "snippet": "Wspólne bilety i trasy &lt;rowerowe&gt; &amp; <mark>więcej</mark>.",
    }
    facets = {name: {value["value"]: value["count"] for value in values} for name, values in data["facets"].items()}
    assert facets == {"type": {"practice": 2}, "agglomeration": {"olomouc": 1, "opole": 1}, "topic": {"mobility": 1}}
    assert data["facets"]["topic"][0]["label"] == "Mobilność"
    assert older.pk  # counted in the recorded total, not on this page


def test_the_same_marked_words_give_the_database_engine_s_highlights(client, pages, cluster, settings):
    database = settings.SEARCH_ENGINE
    settings.SEARCH_ENGINE = {"BACKEND": "database"}
    expected = client.get(SEARCH, {"q": "Ołomuniec"}).json()["results"][0]["highlight"]
    settings.SEARCH_ENGINE = database
    # The cluster marks the inflected place name in the folded subfield only: the word is marked all the same.
    marked = {"title.folded": ["Współpraca gmin w \ue000Ołomuńcu\ue001"]}
    cluster.record("POST", "/test-pl/_search", answer([hit(pages["cooperation"], marked)], total=1))

    data = client.get(SEARCH, {"q": "Ołomuniec", "limit": 5}).json()

    assert (
        data["results"][0]["highlight"]
        == expected
        == {
            "title": "Współpraca gmin w <mark>Ołomuńcu</mark>",
            "snippet": "Wspólne bilety i trasy &lt;rowerowe&gt; &amp; więcej.",
        }
    )
    # A place name: its words as typed, and every name of the place folded, in any field.
    (unit,) = cluster.requests[0].body["query"]["bool"]["must"]
    assert unit["bool"]["should"][0] == {"multi_match": {"query": "Ołomuniec", "fields": FIELDS, "operator": "and"}}
    folded = unit["bool"]["should"][1]["multi_match"]
    assert {"olomouc", "olomuniec"} <= set(folded["query"].split())
    prefixes = [clause["dis_max"]["queries"][0] for clause in unit["bool"]["should"][2:]]
    assert {"bool": {"must": [{"prefix": {"title.folded": "olomo"}}], "boost": 10}} in prefixes


def test_when_no_page_has_every_word_a_second_request_asks_for_any(client, pages, cluster):
    cluster.record("POST", "/test-pl/_search", answer([], total=0))
    deleted = {**hit(pages["older"]), "_source": {**stored(pages["older"]), "page_id": 999_999}}
    cluster.record("POST", "/test-pl/_search", answer([hit(pages["older"]), deleted], total=2))

    data = client.get(SEARCH, {"q": "szkoły bilety"}).json()

    first, second = cluster.made("POST", "/test-pl/_search")
    assert len(first.body["query"]["bool"]["must"]) == 2
    assert "should" not in first.body["query"]["bool"]
    assert second.body["query"]["bool"]["should"] == first.body["query"]["bool"]["must"]
    assert second.body["query"]["bool"]["minimum_should_match"] == 1
    assert data["matched_all_words"] is False
    # A document of a page the database no longer has is not shown.
    assert [result["id"] for result in data["results"]] == [pages["older"].pk]


def test_autocomplete_asks_for_title_prefixes_and_maps_the_titles(client, pages, cluster):
    cooperation = pages["cooperation"]
    source = {
        "page_id": cooperation.pk,
        "kind": "practice",
        "title": cooperation.title,
        "locale_id": cooperation.locale_id,
    }
    cluster.record(
        "POST", "/test-pl/_search", answer([{"_id": str(cooperation.pk), "_score": 1.0, "_source": source}], 1)
    )

    data = client.get("/api/v2/search/autocomplete/", {"q": "Wspól gm", "limit": 5}).json()

    (request,) = cluster.requests
    assert request.body == {
        "size": 5,
        "_source": ["page_id", "kind", "title", "locale_id"],
        "query": {
            "bool": {
                "filter": [
                    {"term": {"locale_id": cooperation.locale_id}},
                    {"bool": {"must_not": [{"terms": {"page_id": [pages["draft"].pk]}}]}},
                    {"prefix": {"title.folded": "wspol"}},
                    {"prefix": {"title.folded": "gm"}},
                ],
                "should": [{"constant_score": {"filter": {"prefix": {"title.sort": "wspol"}}}}],
            }
        },
        "sort": [{"_score": "desc"}, {"title.sort": "asc"}, {"page_id": "asc"}],
    }
    assert data["results"] == [
        {
            "id": cooperation.pk,
            "type": "practice",
            "title": "Współpraca gmin w Ołomuńcu",
            "path": "/dobre-praktyki/wspolpraca/",
            "api_url": f"http://testserver/api/v2/practices/{cooperation.pk}/",
        }
    ]


def test_a_cluster_that_does_not_answer_makes_search_a_503_not_a_500(client, pages, settings):
    settings.SEARCH_ENGINE = {
        "BACKEND": "opensearch",
        "OPTIONS": {"hosts": ["http://127.0.0.1:1"], "index_prefix": "test", "timeout": 1},
    }

    search = client.get(SEARCH, {"q": "współpraca"})
    suggestions = client.get("/api/v2/search/autocomplete/", {"q": "wspol"})

    assert search.status_code == suggestions.status_code == 503
    assert search.json() == {"detail": "Search is unavailable at the moment; please try again shortly."}
    assert suggestions.json() == search.json()


def test_an_index_not_built_yet_is_a_503_that_says_so(client, pages, cluster):
    missing = {"error": {"type": "index_not_found_exception", "reason": "no such index [test-pl]"}, "status": 404}
    cluster.record("POST", "/test-pl/_search", missing, status=404)

    answer = client.get(SEARCH, {"q": "współpraca"})

    assert answer.status_code == 503
    assert answer.json() == {"detail": "Search is not ready yet: its index has not been built."}


def test_a_query_the_cluster_refuses_is_logged_as_our_fault_and_the_visitor_gets_a_503(client, pages, cluster, caplog):
    refused = {"error": {"type": "parsing_exception", "reason": "unknown query [x]"}, "status": 400}
    cluster.record("POST", "/test-pl/_search", refused, status=400)

    answer = client.get(SEARCH, {"q": "współpraca"})

    assert answer.status_code == 503
    assert [record.levelname for record in caplog.records if "refused a query" in record.message] == ["ERROR"]
