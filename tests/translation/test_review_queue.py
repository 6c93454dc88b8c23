"""The reviewers' "To review" panel: Wagtail's queue of what waits for them, with each translation's progress."""

from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation

from practices.factories import PracticePageFactory
from tests.translation.conftest import czech, fill
from tests.translation.helpers import submit_for_translation, translation_of
from translation.machine import confirm_strings, machine_strings
from translation.review import submit_for_review


def dashboard(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def in_review(roles, make_user, login, locale_cs, *, machine_path=None):
    """A practice submitted for Czech translation, translated (one string by a machine, confirmed), in review."""
    practice = PracticePageFactory(parent=roles.practices, title="Park miejski", slug="park", summary="Zieleń.")
    submit_for_translation(login(make_user("editor", "pl")), practice, locale_cs)
    translation = translation_of(practice, locale_cs)
    translator = make_user("translator", "cs")
    po = fill(translation.export_po(), czech)
    translation.import_po(po, tool_name="test")
    if machine_path:
        StringTranslation.objects.filter(
            locale=locale_cs, context__path=machine_path, translation_of__segments__source=translation.source
        ).update(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE, tool_name="Dummy")
        confirm_strings(translation, translator, [item.string_translation.pk for item in machine_strings(translation)])
    submit_for_review(translation, translator)
    return practice, translation


def test_the_reviewer_sees_what_waits_with_its_progress_and_confirmed_machine_strings(
    roles, make_user, login, locale_cs
):
    practice, translation = in_review(roles, make_user, login, locale_cs, machine_path="summary")
    html = dashboard(login(make_user("reviewer", "cs")))

    assert html.count('id="awaiting-review-section"') == 1
    panel = html.split("data-review-queue", 1)[1].split("</table>", 1)[0]
    assert "To review" in html
    assert czech("Park miejski") in panel
    total = StringSegment.objects.filter(source=translation.source).count()
    assert f"{total} of {total} translated" in panel
    assert "1 machine translation confirmed by a person" in panel
    assert reverse("translation:machine_strings", args=[translation.pk]) in panel
    target = practice.get_translation(locale_cs)
    task_state = target.current_workflow_state.current_task_state
    assert reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk]) in panel


def test_nothing_to_review_shows_no_panel_and_translators_get_none(roles, make_user, login, locale_cs):
    assert "data-review-queue" not in dashboard(login(make_user("reviewer", "cs")))
    in_review(roles, make_user, login, locale_cs)
    assert "data-review-queue" not in dashboard(login(make_user("translator", "cs", username="other")))
    assert "data-review-queue" not in dashboard(login(make_user("reviewer", "pl")))


def test_the_reviewers_notification_is_in_their_language_with_the_task_named_in_it(
    roles, make_user, login, locale_cs, mailoutbox
):
    reviewer = make_user("reviewer", "cs")
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "cs"
    profile.save()

    in_review(roles, make_user, login, locale_cs)

    [mail] = [mail for mail in mailoutbox if reviewer.email in mail.to]
    assert mail.subject == "Stránka „Česky: Park miejski“ byla odeslána ke schválení v kroku „Recenze překladu CS“"
