"""`setup_roles`: the groups, their grants on each locale's tree, the review workflows; idempotent."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, WorkflowPage

from translation.roles import setup_roles, workflow_name

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
    assert grants("Reviewers PL") == {("pl", "change_page"), ("pl", "publish_page")}
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
        assert [group.name for group in task.specific.groups.all()] == [f"Reviewers {code.upper()}"]


def test_running_it_again_changes_nothing(roles):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    setup_roles()
    call_command("setup_roles", stdout=StringIO())
    assert (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == counts


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
