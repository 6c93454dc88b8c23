"""The project's own labels (fields, choices, panels) follow the editor's admin language, like Wagtail's."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from events.models import EventType


def field_label(html, field_name):
    """The visible label of a form field on an admin edit form."""
    label = BeautifulSoup(html, "html.parser").find("label", attrs={"for": f"id_{field_name}"})
    return " ".join(label.get_text().split()).rstrip("*").strip()


@pytest.mark.parametrize(("language", "summary"), [("cs", "Shrnutí"), ("pl", "Streszczenie"), ("en", "Summary")])
def test_practice_form_labels_are_in_the_editors_language(login_as_editor, polish_tree, language, summary):
    url = f"/admin/pages/add/practices/practicepage/{polish_tree.practices.pk}/"

    response = login_as_editor(language).get(url, headers={"accept-language": "de"})

    assert response.status_code == 200
    html = response.content.decode()
    assert field_label(html, "summary") == summary
    if language != "en":
        assert field_label(html, "summary").lower() != "summary"


@pytest.mark.parametrize(
    ("language", "label"), [("cs", "Studijní návštěva"), ("pl", "Wizyta studyjna"), ("en", "Study visit")]
)
def test_event_type_labels_are_translated(language, label):
    with translation.override(language):
        assert str(EventType.STUDY_VISIT.label) == label
