"""The good practice check: editorial check, then one Polish and one Czech expert, then an editor publishes."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import Translation

from practices.models import PracticePage
from tests.validation.conftest import draft_practice
from validation.models import ExpertOpinion, ExpertValidationTask
from validation.roles import workflow_name

SCORES = {"relevance": 5, "evidence": 4, "transferability": 4, "participation": 3}


def current(page):
    return Page.objects.get(pk=page.pk).specific


def task_state(page):
    return current(page).current_workflow_state.current_task_state.specific


def submit(page, user):
    """Submit for the check, or resubmit after changes were requested (the edit view's "Resubmit")."""
    page = current(page)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return state.resume(user)
    return page.get_workflow().start(page, user)


def approve_editorially(page, editor):
    state = task_state(page)
    state.task.specific.on_action(state, editor, "approve", comment="")


def opine(page, validator, opinion="Dobrze udokumentowane."):
    state = task_state(page)
    state.task.specific.on_action(state, validator, "approve", opinion=opinion, **SCORES)


@pytest.mark.django_db
def test_practices_index_of_each_locale_carries_its_check(network):
    assert network.tree.practices.get_workflow().name == workflow_name("pl")
    assert network.tree.practices_cs.get_workflow().name == workflow_name("cs")


@pytest.mark.django_db
def test_setup_roles_is_idempotent(network):
    from translation.roles import setup_roles

    before = sorted(network.tree.practices.get_workflow().workflow_tasks.values_list("task__name", flat=True))
    setup_roles()
    after = sorted(network.tree.practices.get_workflow().workflow_tasks.values_list("task__name", flat=True))
    assert before == after and len(after) == 2


@pytest.mark.django_db
def test_editorial_check_comes_first_and_can_send_back(network, proposal):
    people = network.people
    submit(proposal, people.contributor)
    state = task_state(proposal)
    assert not isinstance(state.task.specific, ExpertValidationTask)
    assert state.task.specific.get_actions(current(proposal), people.contributor) == []
    state.task.specific.on_action(state, people.editor, "reject", comment="Dodaj wyniki w liczbach.")
    workflow_state = WorkflowState.objects.for_instance(current(proposal)).get()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.django_db
def test_validated_only_when_both_countries_approved(network, proposal):
    people = network.people
    submit(proposal, people.contributor)
    approve_editorially(proposal, people.editor)
    assert isinstance(task_state(proposal).task.specific, ExpertValidationTask)
    opine(proposal, people.validator_pl)
    assert task_state(proposal).status == TaskState.STATUS_IN_PROGRESS
    assert current(proposal).get_latest_revision_as_object().validated_at is None
    opine(proposal, people.validator_cs, opinion="Přenositelné do Olomouce.")
    assert current(proposal).current_workflow_state is None
    latest = current(proposal).get_latest_revision_as_object()
    assert latest.validated_at is not None
    assert not current(proposal).live, "experts validate; an editor publishes"
    assert set(ExpertOpinion.objects.values_list("country", "expert_name")) == {
        ("PL", "Marek Polak"),
        ("CZ", "Eva Černá"),
    }


@pytest.mark.django_db
def test_a_polish_validator_cannot_act_for_the_czech_side(network, proposal):
    people = network.people
    submit(proposal, people.contributor)
    approve_editorially(proposal, people.editor)
    opine(proposal, people.validator_pl)
    state = task_state(proposal)
    task = state.task.specific
    assert task.get_actions(current(proposal), people.validator_pl) == []
    assert [name for name, *_rest in task.get_actions(current(proposal), people.validator_cs)] == ["reject", "approve"]
    with pytest.raises(PermissionDenied):
        task.on_action(state, people.validator_pl, "approve", opinion="Jeszcze raz", **SCORES)
    assert task_state(proposal).status == TaskState.STATUS_IN_PROGRESS
    assert ExpertOpinion.objects.count() == 1


@pytest.mark.django_db
def test_validators_and_contributors_cannot_act_on_the_editorial_check(network, proposal):
    people = network.people
    submit(proposal, people.contributor)
    task = task_state(proposal).task.specific
    for user in (people.validator_pl, people.validator_cs, people.contributor, people.other):
        assert task.get_actions(current(proposal), user) == []


@pytest.mark.django_db
def test_expert_validation_lists_only_for_validators_who_have_not_given_their_opinion(network, proposal):
    people = network.people
    submit(proposal, people.contributor)
    approve_editorially(proposal, people.editor)
    task = task_state(proposal).task.specific
    assert task.get_task_states_user_can_moderate(people.validator_pl).count() == 1
    assert task.get_task_states_user_can_moderate(people.editor).count() == 0
    opine(proposal, people.validator_pl)
    assert task.get_task_states_user_can_moderate(people.validator_pl).count() == 0
    assert task.get_task_states_user_can_moderate(people.validator_cs).count() == 1


def validate(page, people):
    submit(page, people.contributor)
    approve_editorially(page, people.editor)
    opine(page, people.validator_pl)
    opine(page, people.validator_cs, opinion="Přenositelné do Olomouce.")


@pytest.mark.django_db
def test_publishing_a_validated_practice_submits_it_for_translation_not_publication(network, proposal):
    validate(proposal, network.people)
    current(proposal).get_latest_revision().publish(user=network.people.editor)
    page = current(proposal)
    assert page.live and page.validated_at is not None
    translation = Translation.objects.get(source__object_id=page.translation_key)
    assert translation.target_locale.language_code == "cs"
    czech = PracticePage.objects.get(translation_key=page.translation_key, locale=translation.target_locale)
    assert not czech.live, "a submission for translation, not a publication"
    assert czech.get_latest_revision_as_object().validated_at == page.validated_at, "the same practice, validated"
    assert czech.get_workflow().name != workflow_name("cs"), "the translation goes to the translation review"


@pytest.mark.django_db
def test_publishing_an_unvalidated_practice_submits_nothing(network):
    page = draft_practice(network, network.people.editor)
    page.get_latest_revision().publish(user=network.people.editor)
    assert not Translation.objects.filter(source__object_id=page.translation_key).exists()


@pytest.mark.django_db
def test_a_translation_made_before_the_validation_gets_it_as_a_draft_once(network):
    from validation.services import submit_for_translation

    people = network.people
    page = draft_practice(network, people.editor)
    page.get_latest_revision().publish(user=people.editor)
    submit_for_translation(current(page), user=people.editor)
    czech = PracticePage.objects.get(translation_key=page.translation_key, locale__language_code="cs")
    czech.get_latest_revision().publish()
    validate(page, people)
    current(page).get_latest_revision().publish(user=people.editor)
    czech = current(czech)
    assert czech.live and czech.validated_at is None, "what readers see changes when the reviewers publish"
    assert czech.get_latest_revision_as_object().validated_at == current(page).validated_at
    assert czech.has_unpublished_changes, "a draft for the Czech reviewers"
    revisions = czech.revisions.count()
    current(page).get_latest_revision().publish(user=people.editor)
    assert current(czech).revisions.count() == revisions, "later publications leave the translation alone"
    current(czech).get_latest_revision().publish()  # as the Czech reviewers would
    assert current(czech).validated_at == current(page).validated_at
