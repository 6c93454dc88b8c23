"""The hand-written related-data queries give what the ORM gives, and hide what the public tree hides."""

from wagtail.models import Page, PageViewRestriction

from core.api.sql import linked_rows, localized_rows, translation_rows
from core.api.tree import current_tree
from events.models import EventPage, EventRelatedPractice
from partners.models import PartnerPage
from practices.models import PracticeInstitution


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
