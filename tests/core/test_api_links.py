"""Declared inline links are loaded by the base view, from the link tables for live pages and from a draft itself."""

import ast
import inspect

from core import content_types
from core.api.links import PageLinks, load_links
from core.api.rendering import RenderContext
from core.api.tree import current_tree
from events.models import EventRelatedPractice
from events.views import EventViewSet
from partners.factories import PartnerPageFactory
from partners.models import PartnerPage
from practices.factories import TopicFactory
from practices.models import PracticeInstitution, PracticePage, PracticeTopic
from practices.views import PracticeViewSet


def loaded(links, page, *, drafts, detail=True):
    tree = current_tree()
    render = RenderContext(request=None, tree=tree, locale_id=page.locale_id)
    load_links(links, type(page), [page], render, tree, drafts=drafts, detail=detail)
    return render.related


def ids(related, page):
    return {name: [row.id for row in by_page.get(page.pk, ())] for name, by_page in related.items()}


def test_a_declaration_names_only_the_inline_list_and_its_target():
    institutions = PageLinks("institutions", via="institutions", target="partner")

    assert institutions.link_model(PracticePage) == (PracticeInstitution, "page")
    assert institutions.target_model(PracticePage) is PartnerPage


def test_an_unchanged_draft_links_to_what_the_published_page_links_to(content):
    for links, page in ((PracticeViewSet.links, content.practice_cs), (EventViewSet.links, content.event)):
        draft = type(page).objects.get(pk=page.pk)

        published = loaded(links, page, drafts=False)

        assert published == loaded(links, draft, drafts=True)
        assert all(published[link.name][page.pk] for link in links), "every declared list links something"


def test_a_draft_is_read_from_its_own_inline_lists_and_a_live_page_from_the_link_tables(content, site_tree):
    second = PartnerPageFactory(parent=site_tree.partners, title="Gmina Nysa", slug="gmina-nysa")
    unpublished = TopicFactory(name="Zieleń", slug="zielen", live=False)
    draft = PracticePage.objects.get(pk=content.practice.pk)
    draft.institutions = [PracticeInstitution(partner=second), PracticeInstitution(partner=content.partner)]
    draft.topic_links = [PracticeTopic(topic=unpublished, locale=draft.locale)]

    assert ids(loaded(PracticeViewSet.links, draft, drafts=True), draft) == {
        "topics": [],
        "institutions": [second.pk, content.partner.pk],
    }
    assert ids(loaded(PracticeViewSet.links, draft, drafts=False), draft) == {
        "topics": [content.topic.pk],
        "institutions": [content.partner.pk],
    }


def test_a_list_leaves_out_what_only_a_detail_shows(content):
    assert "practices" not in loaded(EventViewSet.links, content.event, drafts=False, detail=False)
    assert "practices" in loaded(EventViewSet.links, content.event, drafts=False, detail=True)


def test_a_page_linked_through_two_translations_is_listed_once_where_the_list_says_so(content):
    EventRelatedPractice.objects.create(page=content.event, practice=content.practice_cs)
    (declared,) = EventViewSet.links
    every_link = PageLinks("practices", via="related_practices", target="practice")

    assert ids(loaded([declared], content.event, drafts=False), content.event) == {"practices": [content.practice.pk]}
    assert ids(loaded([every_link], content.event, drafts=False), content.event) == {
        "practices": [content.practice.pk, content.practice.pk]
    }


def test_no_page_view_branches_on_preview():
    """The base view decides where a draft's links come from; a type's view only declares them."""
    for page_type in content_types.page_types():
        if page_type.viewset is None:
            continue
        tree = ast.parse(inspect.getsource(inspect.getmodule(page_type.viewset)))
        reads = [node for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "preview"]
        assert not reads, f"{page_type.viewset.__module__} reads `preview`"
