"""The demo's validated practices: made by the good practice check itself, shown by the API in both languages.

The demo is loaded and validated once for the module (it takes several
seconds) inside a transaction rolled back afterwards.
"""

from io import StringIO
from types import SimpleNamespace

import pytest
import yaml
from django.core import mail
from django.core.management import call_command
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved

from demo.loader import CONTENT_DIR
from demo.validations import MissingPeople, original, validate_demo_practices
from validation.models import ExpertOpinion

pytestmark = pytest.mark.django_db

ENTRIES = yaml.safe_load((CONTENT_DIR / "validations.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validated(module_db):
    call_command("load_demo", stdout=StringIO())
    call_command("setup_roles", "--demo-users", "--password", "x-demo-password", stdout=StringIO())
    call_command("create_validation_demo_users", "--password", "x-demo-password", stdout=StringIO())
    mail.outbox = []
    titles = validate_demo_practices()
    return SimpleNamespace(titles=titles, mail=list(mail.outbox))


def test_needs_the_demo_people(db):
    with pytest.raises(MissingPeople):
        validate_demo_practices()


def test_every_listed_practice_went_through_the_whole_check(validated, db):
    assert len(validated.titles) == len(ENTRIES)
    for entry in ENTRIES:
        page = original(entry["practice"])
        states = WorkflowState.objects.for_instance(page)
        assert [state.status for state in states] == [WorkflowState.STATUS_APPROVED]
        tasks = [task_state.status for task_state in states.get().task_states.order_by("pk")]
        assert tasks == ["approved", "approved"], "the editorial check, then the expert validation"
        opinions = ExpertOpinion.objects.filter(page=page)
        assert {(opinion.country, opinion.expert.username) for opinion in opinions} == {
            ("PL", "validator-pl"),
            ("CZ", "validator-cs"),
        }
        assert page.live and not page.has_unpublished_changes


@pytest.mark.parametrize("language", ["pl", "cs"])
def test_the_api_shows_the_validation_with_both_opinions_in_each_language(validated, db, client, language):
    for entry in ENTRIES:
        page = original(entry["practice"])
        shown = (
            page
            if page.locale.language_code == language
            else page.get_translation(Locale.objects.get(language_code=language))
        )
        assert shown.live and not shown.has_unpublished_changes, "the translation is published too"
        validation = client.get(f"/api/v2/practices/{shown.pk}/").json()["validation"]
        assert validation["status"] == "validated"
        assert [opinion["opinion"] for opinion in validation["opinions"]] == [
            entry["opinions"][country]["opinion"].strip() for country in ("PL", "CZ")
        ]
        listed = client.get("/api/v2/practices/", {"locale": language, "validated": "true"}).json()
        assert shown.pk in [item["id"] for item in listed["results"]]


def test_no_workflow_mail_goes_to_the_demo_people_and_wagtails_notifications_come_back(validated, db):
    assert validated.mail == []
    assert task_submitted.has_listeners(TaskState) and workflow_approved.has_listeners(WorkflowState)


def test_a_second_run_changes_nothing(validated, db):
    assert validate_demo_practices() == []
    assert ExpertOpinion.objects.count() == 2 * len(ENTRIES)
