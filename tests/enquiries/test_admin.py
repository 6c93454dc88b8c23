"""Questions in the admin: read-only, and only for the editors of the practice's locale."""

import pytest
from django.urls import reverse

from enquiries.models import Enquiry
from enquiries.services import submit_enquiry

INDEX = "wagtailadmin_home"


@pytest.fixture
def questions(practice, content):
    polish, _sent = submit_enquiry(
        practice, name="Anna", email="anna@example.pl", message="Pytanie PL", share_address=True, language="pl"
    )
    czech, _sent = submit_enquiry(
        content.practice_cs,
        name="Jana",
        email="jana@example.cz",
        message="Dotaz CS",
        share_address=False,
        language="cs",
    )
    return polish, czech


def listing(client, user):
    client.force_login(user)
    return client.get(reverse("enquiries:index"))


def test_an_editor_reads_the_questions_of_their_locale_only(client, make_user, questions):
    polish, czech = questions
    editor = make_user("editor", "pl")

    response = listing(client, editor)

    assert response.status_code == 200
    assert "Anna" in response.content.decode()
    assert "Jana" not in response.content.decode()
    assert client.get(reverse("enquiries:inspect", args=[polish.pk])).status_code == 200
    assert "Pytanie PL" in client.get(reverse("enquiries:inspect", args=[polish.pk])).content.decode()
    assert client.get(reverse("enquiries:inspect", args=[czech.pk])).status_code == 404


def test_the_czech_editor_reads_the_czech_questions(client, make_user, questions):
    response = listing(client, make_user("editor", "cs"))

    assert "Jana" in response.content.decode()
    assert "Anna" not in response.content.decode()


def test_an_administrator_reads_every_question(client, make_user, questions):
    response = listing(client, make_user(is_superuser=True))

    assert "Anna" in response.content.decode()
    assert "Jana" in response.content.decode()


@pytest.mark.parametrize(("role", "code"), [("translator", "pl"), ("reviewer", "pl"), ("translator", "cs")])
def test_translators_and_reviewers_read_no_question(client, make_user, questions, role, code):
    polish, czech = questions
    user = make_user(role, code)

    assert listing(client, user).status_code in (302, 403)
    for enquiry in (polish, czech):
        refused = client.get(reverse("enquiries:inspect", args=[enquiry.pk]))
        assert refused.status_code in (302, 403, 404)
        assert enquiry.message not in refused.content.decode()
    assert client.get(reverse("practice_interest:index")).status_code in (302, 403)


def test_nobody_adds_edits_or_deletes_a_question_here(client, make_user, questions):
    polish, _czech = questions
    client.force_login(make_user(is_superuser=True))

    for path in (
        "/admin/enquiries/new/",
        f"/admin/enquiries/edit/{polish.pk}/",
        f"/admin/enquiries/delete/{polish.pk}/",
    ):
        assert client.get(path).status_code == 404
        assert client.post(path, {"name": "changed"}).status_code == 404
    assert Enquiry.objects.get(pk=polish.pk).name == "Anna"


def test_the_interest_report_counts_questions_per_practice_of_the_editors_locale(
    client, make_user, questions, practice
):
    client.force_login(make_user("editor", "pl"))

    response = client.get(reverse("practice_interest:index"))

    assert response.status_code == 200
    assert practice.title in response.content.decode()
    assert "Společná jízdenka" not in response.content.decode()
