"""The API's related-data statements run prepared on PostgreSQL, with the same answers as unprepared.

The detail's page is loaded by a statement the ORM compiled once; it must give
the instance the ORM gives, on every database.
"""

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext

from core.api.sql import instance_by_id, translation_rows
from core.api.sql.prepared import statements_of
from core.api.tree import current_tree
from events.models import EventPage
from practices.models import PracticePage

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements and plan modes are PostgreSQL's"
)


def prepared_names():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements WHERE name LIKE 'a4b%%'")
        return {name for (name,) in cursor.fetchall()}


@on_postgresql
def test_a_repeated_detail_runs_each_statement_prepared_and_answers_as_unprepared(client, content, settings):
    settings.API_CACHE_TIMEOUT = 0
    url = f"/api/v2/practices/{content.practice_cs.pk}/"
    first = client.get(url).json()

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).json()
    settings.DATABASE_PREPARED_STATEMENTS = False
    with CaptureQueriesContext(connection) as unprepared_queries:
        unprepared = client.get(url).json()

    assert first == again == unprepared
    assert first["institutions"] and first["topics"] and first["translations"]
    executed = [query["sql"] for query in queries.captured_queries]
    prepared = [sql for sql in executed if sql.startswith("EXECUTE a4b_")]
    # The page, its translations, topics, institutions and linking events; the rest (rich-text links) is the ORM's.
    assert len(prepared) == 5
    assert {sql.removeprefix("EXECUTE ").split("(")[0] for sql in prepared} <= prepared_names()
    assert not any(sql.startswith("PREPARE") for sql in executed)
    assert len(executed) == len(unprepared_queries.captured_queries)


@on_postgresql
def test_a_repeated_list_runs_every_statement_prepared_paging_by_parameters(client, content, settings):
    """The list's own query too: LIMIT and OFFSET are parameters, so every page of a list shares it."""
    settings.API_CACHE_TIMEOUT = 0
    url = "/api/v2/practices/"
    first = client.get(url, {"locale": "cs", "limit": 5}).json()

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, {"locale": "cs", "limit": 5}).json()
    # Read now: the next request's request_started signal empties the connection's query log.
    executed = [query["sql"] for query in queries.captured_queries]
    with CaptureQueriesContext(connection) as queries:
        client.get(url, {"locale": "cs", "limit": 2, "offset": 0})
    other_page = [query["sql"] for query in queries.captured_queries]
    settings.DATABASE_PREPARED_STATEMENTS = False
    unprepared = client.get(url, {"locale": "cs", "limit": 5}).json()

    assert first == again == unprepared
    assert content.practice_cs.pk in {item["id"] for item in first["results"]}
    # The page of rows, its translations, topics and institutions; the count is kept per content version.
    assert len(executed) == 4
    assert all(sql.startswith("EXECUTE a4b_") for sql in executed)
    assert {sql.split("(")[0] for sql in other_page} == {sql.split("(")[0] for sql in executed}


@on_postgresql
def test_a_statement_is_prepared_on_its_second_use(content):
    """A connection that lives for one request (CONN_MAX_AGE=0) never prepares what it runs once."""
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    statements_of.pop(connection.connection, None)  # as on a new connection
    tree = current_tree()

    with CaptureQueriesContext(connection) as first:
        translation_rows([content.practice.translation_key], tree)
    unprepared = prepared_names()
    with CaptureQueriesContext(connection) as second:
        translation_rows([content.practice.translation_key], tree)

    assert unprepared == set()
    assert first.captured_queries[0]["sql"].startswith("SELECT")
    assert second.captured_queries[0]["sql"].startswith("EXECUTE a4b_0")
    assert prepared_names() == {"a4b_0"}


@on_postgresql
def test_lists_of_any_length_share_one_prepared_statement(content):
    tree = current_tree()
    for _use in range(2):
        translation_rows([content.practice.translation_key], tree)
    prepared = prepared_names()

    rows = translation_rows([content.practice.translation_key, content.event.translation_key], tree)

    assert prepared_names() == prepared
    assert {row["id"] for row in rows} == {
        content.practice.pk,
        content.practice_cs.pk,
        content.event.pk,
        content.event_cs.pk,
    }


@on_postgresql
def test_a_statement_prepared_in_a_rolled_back_transaction_still_runs(content):
    with pytest.raises(RuntimeError), transaction.atomic():
        for _use in range(2):
            translation_rows([content.practice.translation_key], current_tree())
        raise RuntimeError("roll back")

    rows = translation_rows([content.practice.translation_key], current_tree())

    assert {row["id"] for row in rows} == {content.practice.pk, content.practice_cs.pk}


@on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data_back")
def test_a_new_connection_prepares_its_statements_again(content):
    for _use in range(2):
        translation_rows([content.practice.translation_key], current_tree())
    connection.close()

    translation_rows([content.practice.translation_key], current_tree())
    rows = translation_rows([content.practice.translation_key], current_tree())

    assert {row["id"] for row in rows} == {content.practice.pk, content.practice_cs.pk}
    assert prepared_names() == {"a4b_0"}


@on_postgresql
def test_prepared_statements_keep_one_generic_plan(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone() == ("force_generic_plan",)


def test_instance_by_id_gives_the_instance_the_orm_gives(content):
    practice = instance_by_id(PracticePage, content.practice_cs.pk)

    expected = PracticePage.objects.get(pk=content.practice_cs.pk)
    assert type(practice) is PracticePage
    assert model_to_dict(practice) == model_to_dict(expected)
    assert (practice.pk, practice.title, practice.url_path, practice.first_published_at) == (
        expected.pk,
        expected.title,
        expected.url_path,
        expected.first_published_at,
    )
    assert list(practice.body.raw_data) == list(expected.body.raw_data)
    assert not practice._state.adding


def test_instance_by_id_carries_annotations_and_misses_unknown_ids(content):
    annotations = {"organiser_title": F("organiser__title")}

    event = instance_by_id(EventPage, content.event.pk, annotations)

    assert event.organiser_title == EventPage.objects.get(pk=content.event.pk).organiser.title
    assert instance_by_id(EventPage, 2**31 - 1, annotations) is None
    assert instance_by_id(EventPage, content.practice.pk, annotations) is None
