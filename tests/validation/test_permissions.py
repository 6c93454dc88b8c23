"""Every path, both ways: contributors never publish nor see other institutions' drafts; validators never edit."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.translation.helpers import refused, submit_for_translation, workflow_action
from tests.validation.test_workflow import SCORES, approve_editorially, current, submit


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def bulk(action, page):
    return f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}"


@pytest.mark.django_db
def test_contributor_edits_own_institution_practices_only(network, proposal, others_proposal, login):
    people = network.people
    client = login(people.contributor)
    assert client.get(edit_url(proposal)).status_code == 200
    assert refused(client.get(edit_url(others_proposal)))
    assert login(people.colleague).get(edit_url(proposal)).status_code == 200, "a colleague of the same institution"
    assert login(people.other).get(edit_url(others_proposal)).status_code == 200


@pytest.mark.django_db
def test_contributor_may_add_practices_but_nothing_else(network, login):
    client = login(network.people.contributor)
    add = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", network.tree.practices.pk])
    assert client.get(add).status_code == 200
    add_partner = reverse("wagtailadmin_pages:add", args=["partners", "partnerpage", network.tree.partners.pk])
    assert refused(client.get(add_partner))


@pytest.mark.django_db
def test_contributor_never_previews_or_reads_history_of_others_drafts(network, proposal, others_proposal, login):
    client = login(network.people.contributor)
    for view in ("wagtailadmin_pages:preview_on_edit", "wagtailadmin_pages:history"):
        assert refused(client.get(reverse(view, args=[others_proposal.pk]))), view
    assert client.get(reverse("wagtailadmin_pages:history", args=[proposal.pk])).status_code == 200


@pytest.mark.django_db
def test_contributor_explorer_and_chooser_hide_other_institutions_practices(network, proposal, others_proposal, login):
    client = login(network.people.contributor)
    listing = client.get(reverse("wagtailadmin_explore", args=[network.tree.practices.pk])).content.decode()
    assert proposal.title in listing and others_proposal.title not in listing
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[network.tree.practices.pk])).json()["html"]
    assert proposal.title in chooser and others_proposal.title not in chooser
    editor_listing = login(network.people.editor).get(reverse("wagtailadmin_explore", args=[network.tree.practices.pk]))
    assert others_proposal.title in editor_listing.content.decode(), "editors see every proposal"


@pytest.mark.django_db
def test_contributor_cannot_publish_through_edit_bulk_move_copy_or_translation(network, proposal, login):
    people = network.people
    client = login(people.contributor)
    assert 'name="action-publish"' not in client.get(edit_url(proposal)).content.decode()
    client.post(bulk("publish", proposal))
    assert refused(client.post(reverse("wagtailadmin_pages:move_confirm", args=[proposal.pk, network.tree.events.pk])))
    copy = reverse("wagtailadmin_pages:copy", args=[proposal.pk])
    copy_data = {
        "new_title": "Kopia",
        "new_slug": "kopia",
        "new_parent_page": network.tree.practices.pk,
        "publish_copies": "on",
    }
    assert refused(client.post(copy, copy_data))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[proposal.pk])))
    submit_for_translation(client, proposal, network.tree.practices_cs.locale)
    assert not current(proposal).live
    assert Page.objects.filter(translation_key=proposal.translation_key).count() == 1
    assert not Page.objects.filter(slug="kopia").exists()
    login(people.editor).post(bulk("publish", proposal))
    assert current(proposal).live, "the control: an editor publishes through the same path"


@pytest.mark.django_db
def test_contributor_cannot_approve_their_own_proposal(network, proposal, login):
    submit(proposal, network.people.contributor)
    response = workflow_action(login(network.people.contributor), proposal, "approve")
    assert response.status_code in (302, 403)
    assert current(proposal).current_workflow_state.current_task_state.status == "in_progress"


@pytest.mark.django_db
def test_validators_cannot_edit_content_but_see_the_task_preview(network, proposal, login):
    people = network.people
    submit(proposal, people.contributor)
    approve_editorially(proposal, people.editor)
    task_state = current(proposal).current_workflow_state.current_task_state
    for validator in (people.validator_pl, people.validator_cs):
        client = login(validator)
        assert refused(client.get(edit_url(proposal)))
        preview = reverse("wagtailadmin_pages:workflow_preview", args=[proposal.pk, task_state.task_id])
        assert client.get(preview).status_code == 200
        client.post(bulk("publish", proposal))
        assert not current(proposal).live


@pytest.mark.django_db
def test_a_polish_validator_cannot_approve_the_czech_step_through_the_admin(network, proposal, login):
    people = network.people
    submit(proposal, people.contributor)
    approve_editorially(proposal, people.editor)
    task_state = current(proposal).current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[proposal.pk, "approve", task_state.pk])
    data = {"opinion": "Dobra praktyka.", **SCORES}
    ajax = {"x-requested-with": "XMLHttpRequest"}
    assert login(people.validator_pl).post(url, data, headers=ajax).status_code == 200
    assert task_state.opinions.count() == 1
    assert login(people.validator_pl).post(url, data, headers=ajax).status_code in (302, 403)
    assert task_state.opinions.count() == 1
    login(people.validator_cs).post(url, {**data, "opinion": "Dobrá praxe."}, headers=ajax)
    assert current(proposal).get_latest_revision_as_object().validated_at is not None


@pytest.mark.django_db
def test_an_opinion_without_scores_is_a_form_error(network, proposal, login):
    people = network.people
    submit(proposal, people.contributor)
    approve_editorially(proposal, people.editor)
    task_state = current(proposal).current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[proposal.pk, "approve", task_state.pk])
    response = login(people.validator_pl).post(url, {"opinion": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    form = response.json()["html"]
    assert response.status_code == 200 and 'w-field--error" data-field data-contentpath="relevance"' in form
    assert task_state.opinions.count() == 0


@pytest.mark.django_db
def test_contributor_admin_search_hides_other_institutions_practices(network, proposal, others_proposal, login):
    for view in ("wagtailadmin_pages:search", "wagtailadmin_pages:search_results"):
        found = login(network.people.contributor).get(reverse(view), {"q": ""}).content.decode()
        assert proposal.title in found and "Olomoucká karta" not in found, view
        assert "Olomoucká karta" in login(network.people.editor).get(reverse(view), {"q": ""}).content.decode()


@pytest.mark.django_db
def test_nobody_edits_the_practice_while_the_experts_judge_it(network, proposal, login):
    people = network.people
    submit(proposal, people.contributor)
    state = current(proposal).current_workflow_state.current_task_state
    assert not state.task.specific.locked_for_user(current(proposal), people.editor), "the editors' own check"
    approve_editorially(proposal, people.editor)
    task = current(proposal).current_workflow_state.current_task_state.task.specific
    for user in (people.contributor, people.editor):
        assert task.locked_for_user(current(proposal), user)
        assert current(proposal).permissions_for_user(user).page_locked()
