"""The hand-written related-data queries and the compiled list statement give what the ORM gives,
and hide what the public tree hides."""

import pytest
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from core.api.sql import ListQuery, ListRows, ListStatement, linked_rows, localized_rows, statements, translation_rows
from core.api.tree import current_tree, public_pages
from events.models import EventPage, EventRelatedPractice
from events.views import EventViewSet
from partners.models import PartnerPage
from partners.views import PartnerViewSet
from practices.factories import PracticePageFactory
from practices.models import PracticeInstitution, PracticePage
from practices.selectors import NEWEST_FIRST
from practices.views import PracticeViewSet

LIST_VIEWS = [PracticeViewSet, EventViewSet, PartnerViewSet]


def test_localized_rows_match_the_orm_values_with_converted_types(content, locale_cs):
    fields = ("id", "title", "translation_key", "locale_id", "url_path", "start", "end", "first_published_at")

    found = localized_rows(EventPage, [content.event.translation_key], locale_cs.pk, current_tree(), fields)

    expected = EventPage.objects.filter(pk=content.event_cs.pk).values(*fields).get()
    assert vars(found[content.event.translation_key]) == expected


def test_translation_rows_list_every_public_translation(content):
    rows = translation_rows([content.practice.translation_key], current_tree())

    assert [(row["id"], row["url_path"]) for row in rows] == [
        (content.practice.pk, content.practice.url_path),
        (content.practice_cs.pk, content.practice_cs.url_path),
    ]


def test_linked_rows_follow_links_to_the_source_into_the_requested_locale(content, locale_cs):
    rows = linked_rows(
        PracticeInstitution,
        "page",
        "partner",
        PartnerPage,
        locale_cs.pk,
        current_tree(),
        owner_ids=[content.practice_cs.pk],
        extra_fields=("short_name",),
    )

    assert [(owner, row.id, row.short_name) for owner, row in rows] == [
        (content.practice_cs.pk, content.partner_cs.pk, "SMO")
    ]


def test_linked_rows_by_translation_key_find_links_held_by_any_translation(content, locale_cs):
    rows = linked_rows(
        EventRelatedPractice,
        "practice",
        "page",
        EventPage,
        locale_cs.pk,
        current_tree(),
        owner_key=content.practice.translation_key,
    )

    assert {row.id for _owner, row in rows} == {content.event_cs.pk}


def test_pages_under_a_restricted_or_unpublished_ancestor_are_left_out(content, site_tree, locale_cs):
    PageViewRestriction.objects.create(page=site_tree.partners_cs, restriction_type=PageViewRestriction.LOGIN)
    Page.objects.get(pk=site_tree.events_cs.pk).unpublish()  # fresh: the fixture's copy predates its children
    tree = current_tree()

    assert localized_rows(PartnerPage, [content.partner.translation_key], locale_cs.pk, tree) == {}
    assert (
        linked_rows(
            PracticeInstitution, "page", "partner", PartnerPage, locale_cs.pk, tree, owner_ids=[content.practice_cs.pk]
        )
        == []
    )
    assert [row["id"] for row in translation_rows([content.event.translation_key], tree)] == [content.event.pk]


def test_drafts_are_left_out(content, locale_cs):
    content.partner_cs.unpublish()

    assert localized_rows(PartnerPage, [content.partner.translation_key], locale_cs.pk, current_tree()) == {}


def listed(view_class, tree, locale_id, window):
    """(compiled list statement's rows, the ORM queryset's rows) of one window of a list."""
    query = view_class.list_query
    statement = ListRows(query, tree, locale_id)[window]
    return statement, list(query.build(tree, locale_id)[window])


@pytest.mark.parametrize("view_class", LIST_VIEWS, ids=lambda view: view.endpoint)
def test_the_list_statement_gives_the_rows_of_the_orm_list_in_every_locale_and_window(
    view_class, content, locale_pl, locale_cs
):
    for number in range(3):
        PracticePageFactory(parent=content.practice.get_parent(), title=f"Praktyka {number}")
    tree = current_tree()

    for locale in (locale_pl, locale_cs):
        for window in (slice(0, 100), slice(0, 1), slice(1, 3), slice(50, 60)):
            statement, orm = listed(view_class, tree, locale.pk, window)
            assert statement == orm
    assert listed(view_class, tree, locale_pl.pk, slice(0, 100))[0], "the data set lists something"


@pytest.mark.parametrize("view_class", LIST_VIEWS, ids=lambda view: view.endpoint)
def test_the_list_statement_leaves_out_what_the_public_tree_hides(view_class, content, site_tree, locale_cs):
    listed_before = {row["id"] for row in listed(view_class, current_tree(), locale_cs.pk, slice(0, 100))[0]}
    PageViewRestriction.objects.create(page=site_tree.partners_cs, restriction_type=PageViewRestriction.LOGIN)
    Page.objects.get(pk=site_tree.events_cs.pk).unpublish()
    content.practice_cs.unpublish()
    tree = current_tree()

    statement, orm = listed(view_class, tree, locale_cs.pk, slice(0, 100))

    assert statement == orm
    hidden = {content.partner_cs.pk, content.event_cs.pk, content.practice_cs.pk}
    assert listed_before & hidden, "a page that was listed is hidden now"
    assert not {row["id"] for row in statement} & hidden


def test_a_view_class_hands_its_list_to_the_sql_as_data():
    query = PracticeViewSet.list_query

    assert (query.model, query.ordering, query.fields, query.annotations) == (
        PracticePage,
        NEWEST_FIRST,
        PracticeViewSet.list_fields,
        {},
    )
    assert EventViewSet.list_query.annotations == EventViewSet.list_annotations

    class Narrower(PracticeViewSet):
        list_fields = ("id", "title")

    assert Narrower.list_query.fields == ("id", "title")
    assert PracticeViewSet.list_query is query


def test_a_declared_list_is_read_without_a_view_and_compiled_once(content, locale_pl, locale_cs, monkeypatch):
    compiled = []

    def compiling(*args):
        compiled.append(args)
        return ListStatement(*args)

    monkeypatch.setattr(statements, "ListStatement", compiling)
    monkeypatch.setattr(statements, "_list_statements", {})
    query = ListQuery(PracticePage, ordering=("title", "id"), fields=("id", "title"))
    tree = current_tree()

    for locale in (locale_pl, locale_cs, locale_pl):
        expected = public_pages(PracticePage, tree).filter(locale=locale).order_by("title", "id").values("id", "title")
        assert ListRows(query, tree, locale.pk)[slice(0, 100)] == list(expected)
    assert len(compiled) == 1


@pytest.mark.parametrize(
    "build",
    [
        lambda tree, locale_id: PracticePage.objects.filter(locale_id__in=list(tree.home_paths)).values("id"),
        lambda tree, locale_id: PracticePage.objects.filter(locale_id=locale_id).values("id"),
    ],
    ids=["without the requested locale", "without the homes"],
)
def test_a_list_query_that_drops_a_probe_value_is_refused_rather_than_run_unfiltered(build, db):
    with pytest.raises(ValueError, match="probe"):
        ListStatement(build, hidden_count=0, home_count=1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_the_newest_first_list_is_read_from_an_index_without_sorting_the_locale(content, locale_cs):
    """With sorting priced out the plan has no sort: an index gives the list's whole order (core migration 0003)."""
    tree = current_tree()
    statement = ListStatement(PracticeViewSet.list_query.build, len(tree.hidden_prefixes), len(tree.home_paths))
    sql, params = statement.sql, list(statement.params)
    for position in statement.locale_positions:
        params[position] = locale_cs.pk
    for position, home_locale_id in zip(statement.home_positions, tree.home_paths, strict=True):
        params[position] = home_locale_id
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}", [*params, 20, 0])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Index Scan using a4b_page_locale_newest" in plan, plan
    assert "Sort" not in plan, plan
