"""The contributors' panel: each proposal's state, with the editors' comment when it came back."""

import pytest
from django.urls import reverse

from tests.validation.test_workflow import approve_editorially, current, opine, submit, task_state
from validation.dashboard import proposals


def states(user):
    return {proposal.title: (proposal.state, proposal.comment) for proposal in proposals(user)}


@pytest.mark.django_db
def test_states_through_the_check(network, proposal, others_proposal):
    people, title = network.people, proposal.title
    assert states(people.contributor) == {title: ("draft", "")}, "only the institution's own proposals"
    submit(proposal, people.contributor)
    assert states(people.contributor)[title] == ("editorial_check", "")
    state = task_state(proposal)
    state.task.specific.on_action(state, people.editor, "reject", comment="Dodaj wyniki w liczbach.")
    assert states(people.contributor)[title] == ("changes_requested", "Dodaj wyniki w liczbach.")
    submit(proposal, people.contributor)
    approve_editorially(proposal, people.editor)
    assert states(people.contributor)[title] == ("in_validation", "")
    opine(proposal, people.validator_pl)
    opine(proposal, people.validator_cs)
    assert states(people.contributor)[title] == ("validated", "")
    current(proposal).get_latest_revision().publish(user=people.editor)
    assert states(people.contributor)[title] == ("published", "")
    assert states(people.colleague)[title] == ("published", "")


@pytest.mark.django_db
def test_panel_on_the_dashboard_for_contributors_only(client, network, proposal):
    client.force_login(network.people.contributor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-practice-proposals" in page and proposal.title in page
    client.force_login(network.people.validator_pl)
    assert "data-practice-proposals" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_validators_find_the_task_on_their_dashboard_until_they_have_given_their_opinion(client, network, proposal):
    people = network.people
    submit(proposal, people.contributor)
    approve_editorially(proposal, people.editor)
    client.force_login(people.validator_pl)
    assert proposal.title in client.get(reverse("wagtailadmin_home")).content.decode()
    opine(proposal, people.validator_pl)
    assert proposal.title not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(people.validator_cs)
    assert proposal.title in client.get(reverse("wagtailadmin_home")).content.decode()
