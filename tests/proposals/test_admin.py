"""Proposals in the admin: the locale's editors read, decline, and make draft practices of them; nobody else."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import GroupPagePermission

from practices.models import PracticePage
from proposals.models import PracticeProposal
from proposals.services import submit_proposal


def proposal_in(language, content, **changes):
    data = {
        "title": f"Návrh {language}",
        "summary": "Shrnutí.",
        "challenge": "Výzva <script>.",
        "solution": "Řešení.\n\nDruhý odstavec.",
        "results": "Výsledky.",
        "transferability": "Přenositelnost.",
        "municipality": "Olomouc",
        "timescale": "2021",
        "topics": ["mobility"],
        "partner": content.partner,
        "contact_person": "Petr Novák",
        "name": f"Navrhovatel {language}",
        "email": "navrhovatel@example.cz",
        **changes,
    }
    return submit_proposal(data, language=language)


@pytest.fixture
def proposals(content):
    return proposal_in("pl", content), proposal_in("cs", content)


def test_an_editor_lists_and_reads_the_proposals_of_their_locale_only(client, make_user, proposals):
    polish, czech = proposals
    client.force_login(make_user("editor", "cs"))

    listing = client.get(reverse("proposals:index")).content.decode()

    assert "Návrh cs" in listing
    assert "Návrh pl" not in listing
    assert "navrhovatel@example.cz" in client.get(reverse("proposals:inspect", args=[czech.pk])).content.decode()
    assert client.get(reverse("proposals:inspect", args=[polish.pk])).status_code == 404


@pytest.mark.parametrize(("role", "code"), [("translator", "cs"), ("reviewer", "cs"), ("editor", "pl"), (None, None)])
def test_others_neither_see_nor_act_on_a_czech_proposal(client, make_user, proposals, role, code):
    _polish, czech = proposals
    client.force_login(make_user(role, code, **({"is_staff": True} if role is None else {})))

    listing = client.get(reverse("proposals:index"))
    inspect = client.get(reverse("proposals:inspect", args=[czech.pk]))
    draft = client.post(reverse("proposals:create_draft", args=[czech.pk]))
    declined = client.post(reverse("proposals:decline", args=[czech.pk]))

    assert "Návrh cs" not in listing.content.decode()
    assert inspect.status_code in (302, 403, 404)
    assert draft.status_code in (302, 403, 404)
    assert declined.status_code in (302, 403, 404)
    czech.refresh_from_db()
    assert czech.status == PracticeProposal.Status.NEW
    assert not PracticePage.objects.filter(title="Návrh cs").exists()


def test_an_administrator_sees_every_proposal(client, make_user, proposals):
    client.force_login(make_user(is_superuser=True))

    listing = client.get(reverse("proposals:index")).content.decode()

    assert "Návrh cs" in listing
    assert "Návrh pl" in listing


def test_create_a_draft_practice_maps_the_fields_and_never_publishes(client, make_user, proposals, site_tree, content):
    _polish, czech = proposals
    editor = make_user("editor", "cs")
    client.force_login(editor)

    response = client.post(reverse("proposals:create_draft", args=[czech.pk]))

    page = PracticePage.objects.get(title="Návrh cs")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert (page.live, page.has_unpublished_changes, page.first_published_at) == (False, True, None)
    assert page.get_parent().specific == site_tree.practices_cs
    assert page.locale.language_code == "cs"
    assert page.summary == "Shrnutí."
    assert page.challenge == "<p>Výzva &lt;script&gt;.</p>"
    assert page.what_was_done == "<p>Řešení.</p><p>Druhý odstavec.</p>"
    assert "2021" in page.resources_needed
    assert (page.results, page.transferability) == ("<p>Výsledky.</p>", "<p>Přenositelnost.</p>")
    assert (page.municipality, page.contact_name, page.owner) == ("Olomouc", "Petr Novák", editor)
    assert [link.topic for link in page.topic_links.all()] == [content.topic_cs]
    assert [link.partner.specific for link in page.institutions.all()] == [content.partner.specific]
    assert page.get_latest_revision().user == editor
    czech.refresh_from_db()
    assert (czech.status, czech.draft_id, czech.decided_by) == ("accepted", page.pk, editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_the_draft_is_neither_in_the_api_nor_found(client, make_user, proposals):
    _polish, czech = proposals
    client.force_login(make_user("editor", "cs"))
    client.post(reverse("proposals:create_draft", args=[czech.pk]))
    client.logout()

    assert "Návrh cs" not in client.get("/api/v2/practices/?locale=cs").content.decode()
    page = PracticePage.objects.get(title="Návrh cs")
    assert client.get(f"/api/v2/practices/{page.pk}/").status_code == 404


def test_a_decided_proposal_is_not_decided_again(client, make_user, proposals):
    _polish, czech = proposals
    client.force_login(make_user("editor", "cs"))

    assert client.post(reverse("proposals:decline", args=[czech.pk])).status_code == 302
    client.post(reverse("proposals:create_draft", args=[czech.pk]))

    czech.refresh_from_db()
    assert czech.status == PracticeProposal.Status.DECLINED
    assert czech.decided_at is not None
    assert not PracticePage.objects.filter(title="Návrh cs").exists()


def test_a_get_does_not_act(client, make_user, proposals):
    _polish, czech = proposals
    client.force_login(make_user("editor", "cs"))

    assert client.get(reverse("proposals:decline", args=[czech.pk])).status_code == 405
    czech.refresh_from_db()
    assert czech.status == PracticeProposal.Status.NEW


def test_two_drafts_with_the_same_title_get_distinct_slugs(client, make_user, content):
    first, second = proposal_in("cs", content), proposal_in("cs", content)
    client.force_login(make_user("editor", "cs"))

    client.post(reverse("proposals:create_draft", args=[first.pk]))
    client.post(reverse("proposals:create_draft", args=[second.pk]))

    slugs = sorted(PracticePage.objects.filter(title="Návrh cs").values_list("slug", flat=True))
    assert slugs == ["navrh-cs", "navrh-cs-2"]
    assert datetime.date.today() >= PracticePage.objects.get(slug="navrh-cs").start_date


def events_editor(django_user_model, events_index):
    """Publishes the Czech events, so reads the Czech proposals (translation.policies), but adds no practice."""
    group = Group.objects.create(name="Events editors CS")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=events_index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    user = django_user_model.objects.create_user("events-cs", "events-cs@example.org", "password")
    user.groups.add(group)
    return user


def test_a_draft_needs_add_rights_on_the_locales_practices_index(client, django_user_model, proposals, site_tree):
    _polish, czech = proposals
    client.force_login(events_editor(django_user_model, site_tree.events_cs))
    assert client.get(reverse("proposals:inspect", args=[czech.pk])).status_code == 200, "an editor of the locale"

    response = client.post(reverse("proposals:create_draft", args=[czech.pk]), follow=True)

    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    refusal = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "nie posiadasz uprawnień" in refusal, "Wagtail's refusal, in the admin's default language"
    czech.refresh_from_db()
    assert czech.status == PracticeProposal.Status.NEW and czech.draft is None
    assert not PracticePage.objects.filter(title="Návrh cs").exists()


def test_a_czech_editor_makes_no_draft_of_a_polish_proposal(client, make_user, proposals, site_tree):
    """Proposals are separated by language: only the editors of the proposal's language act on it (a 404, as for a
    proposal they cannot see), even if they may add practices under that language's index too."""
    polish, _czech = proposals
    editor = make_user("editor", "cs")
    adds_polish_practices = Group.objects.create(name="Adds Polish practices")
    GroupPagePermission.objects.create(
        group=adds_polish_practices,
        page=site_tree.practices,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page"),
    )
    editor.groups.add(adds_polish_practices)
    assert site_tree.practices.permissions_for_user(editor).can_add_subpage()
    client.force_login(editor)

    response = client.post(reverse("proposals:create_draft", args=[polish.pk]))

    assert response.status_code == 404
    polish.refresh_from_db()
    assert polish.status == PracticeProposal.Status.NEW
    assert not PracticePage.objects.filter(title="Návrh pl").exists()
