"""`setup_roles`: the groups, their grants on each locale's tree, the review workflows; idempotent."""

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask
from wagtail.users.models import UserProfile

from practices.factories import TopicFactory
from tests.translation.helpers import snippet_url
from translation.models import TranslationReviewTask
from translation.roles import setup_roles, task_name, workflow_name

ROLE_GROUPS = {f"{role} {code}" for role in ("Editors", "Translators", "Reviewers") for code in ("PL", "CS")}


def grants(group_name):
    return {
        (grant.page.locale.language_code, grant.permission.codename)
        for grant in GroupPagePermission.objects.filter(group__name=group_name).select_related("page", "permission")
    }


def test_groups_get_page_rights_on_their_locale_tree_only(roles):
    assert ROLE_GROUPS | {"Administrators"} <= set(Group.objects.values_list("name", flat=True))
    assert grants("Editors CS") == {
        ("cs", codename) for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }
    assert grants("Translators CS") == {("cs", "change_page")}
    # Reviewers publish by approving a review task, so they hold no publish rights.
    assert grants("Reviewers PL") == {("pl", "change_page")}
    editors = Group.objects.get(name="Editors PL")
    translators = Group.objects.get(name="Translators PL")
    assert editors.permissions.filter(codename="submit_translation").exists()
    assert not translators.permissions.filter(codename="submit_translation").exists()
    assert translators.permissions.filter(codename="change_topic").exists()
    assert not translators.permissions.filter(codename__in=["add_topic", "delete_topic"]).exists()


def test_each_locale_tree_has_its_review_workflow_for_its_reviewers(roles):
    for code, home in (("pl", roles.home), ("cs", roles.home_cs)):
        workflow = WorkflowPage.objects.get(page=home).workflow
        assert workflow.name == workflow_name(code)
        [task] = workflow.tasks.all()
        assert isinstance(task.specific, TranslationReviewTask)
        assert [group.name for group in task.specific.groups.all()] == [f"Reviewers {code.upper()}"]


def test_setup_roles_takes_back_rights_the_role_no_longer_has(roles):
    reviewers = Group.objects.get(name="Reviewers CS")
    reviewers.permissions.add(Permission.objects.get(codename="publish_topic"))
    setup_roles()
    assert topic_rights("Reviewers CS") == set()


def test_a_workflow_with_a_plain_approval_task_gets_the_translation_review_task(site_tree):
    workflow = Workflow.objects.create(name=workflow_name("cs"))
    plain = GroupApprovalTask.objects.create(name=task_name("cs"))
    WorkflowTask.objects.create(workflow=workflow, task=plain, sort_order=0)

    setup_roles()

    [task] = Workflow.objects.get(name=workflow_name("cs")).tasks.all()
    assert isinstance(task.specific, TranslationReviewTask)
    assert not GroupApprovalTask.objects.get(pk=plain.pk).active


def topic_rights(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.filter(content_type__model="topic").values_list("codename", flat=True))


def test_topic_rights_follow_the_roles(roles):
    for code in ("PL", "CS"):
        assert topic_rights(f"Editors {code}") == {"add_topic", "change_topic", "delete_topic", "publish_topic"}
        assert topic_rights(f"Translators {code}") == {"change_topic"}
        assert topic_rights(f"Reviewers {code}") == set()
    assert {"lock_topic", "unlock_topic"} <= topic_rights("Administrators")


def test_a_topic_goes_to_the_review_workflow_of_its_locale(roles, locale_cs, make_user, login):
    topic_pl = TopicFactory(name="Mobilność", slug="mobility")
    topic_cs = TopicFactory(name="Mobilita", slug="mobility", locale=locale_cs)

    assert topic_pl.get_workflow().name == workflow_name("pl")
    assert topic_cs.get_workflow().name == workflow_name("cs")
    # Wagtail's snippet editor offers the locale's workflow too.
    page = login(make_user("editor", "cs")).get(snippet_url(topic_cs, "edit")).content.decode()
    assert f"Submit to {workflow_name('cs')}" in page
    assert workflow_name("pl") not in page


def test_running_it_again_changes_nothing(roles):
    def state():
        return (
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            WorkflowPage.objects.count(),
            {name: topic_rights(name) for name in ROLE_GROUPS},
        )

    before = state()
    setup_roles()
    call_command("setup_roles", stdout=StringIO())
    assert state() == before


def test_without_a_home_page_the_command_says_so(db):
    out = StringIO()
    call_command("setup_roles", stdout=out)
    assert "no home page yet" in out.getvalue()
    assert Group.objects.filter(name="Translators CS").exists()


def test_demo_users_get_one_role_each(roles, django_user_model):
    out = StringIO()
    call_command("setup_roles", "--demo-users", "--password", "s3cret-demo", stdout=out)
    translator = django_user_model.objects.get(username="translator-cs")
    assert [group.name for group in translator.groups.all()] == ["Translators CS"]
    assert translator.check_password("s3cret-demo")
    assert "reviewer-pl" in out.getvalue()


def test_demo_users_are_ready_to_use_and_a_rerun_says_whose_passwords_it_reset(roles, django_user_model):
    call_command("setup_roles", "--demo-users", "--password", "first", stdout=StringIO())
    out = StringIO()

    call_command("setup_roles", "--demo-users", "--password", "second", stdout=out)

    translator = django_user_model.objects.get(username="translator-cs")
    assert (translator.first_name, translator.last_name) == ("Tomáš", "Dvořák")
    assert UserProfile.get_for_user(translator).preferred_language == "cs"
    assert UserProfile.get_for_user(django_user_model.objects.get(username="editor-pl")).preferred_language == "pl"
    assert translator.check_password("second")
    assert "Reset the passwords of: editor-pl, translator-pl, reviewer-pl, editor-cs" in out.getvalue()
    assert "Created demo users" not in out.getvalue()


def test_review_workflows_and_tasks_are_named_in_their_locales_language(roles):
    names = {workflow.name for workflow in Workflow.objects.all()}
    assert {"Recenzja tłumaczeń PL", "Recenze překladů CS"} <= names
    assert {task.name for task in TranslationReviewTask.objects.all()} == {
        "Recenzja tłumaczenia PL",
        "Recenze překladu CS",
    }


def test_setup_roles_renames_the_english_names_of_earlier_versions_and_keeps_the_objects(roles):
    workflow = Workflow.objects.get(name=workflow_name("cs"))
    task = TranslationReviewTask.objects.get(name=task_name("cs"))
    Workflow.objects.filter(pk=workflow.pk).update(name="Translation review CS")
    TranslationReviewTask.objects.filter(pk=task.pk).update(name="Review translation CS")

    setup_roles()

    assert Workflow.objects.get(pk=workflow.pk).name == "Recenze překladů CS"
    assert TranslationReviewTask.objects.get(pk=task.pk).name == "Recenze překladu CS"
    assert Workflow.objects.filter(name__startswith="Recenze překladů").count() == 1
