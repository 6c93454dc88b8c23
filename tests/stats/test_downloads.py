"""Reports → Results: the API's figures as CSV and XLSX, headers in the admin user's language, any admin user."""

import csv
import io

import pytest
from openpyxl import load_workbook

from practices.factories import PracticePageFactory
from tests.stats.conftest import ask

RESULTS = "/admin/reports/results/"


def csv_lines(response):
    assert response.status_code == 200, response.content[:500]
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";"))


def workbook(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(response.content))


def test_the_xlsx_has_a_sheet_per_section_with_the_apis_figures(client, built, make_user):
    ask(built.practices[0], 12)
    ask(built.practices[1], 3)
    client.force_login(make_user("editor", "pl"))

    book = workbook(client.get(f"{RESULTS}pl.xlsx"))
    api = client.get("/api/v2/stats/?locale=pl").json()

    assert book.sheetnames == [section["key"] for section in api["sections"]]
    topics = book["practices_by_topic"]
    assert topics["A1"].value == "Dobre praktyki według tematu"
    assert [cell.value for cell in topics[3]] == ["Label", "Value"]
    assert [[cell.value for cell in row] for row in topics.iter_rows(min_row=4)] == [
        ["Energia", 1],
        ["Mobilność", 3],
        ["Total", 4],
    ]
    questions = [[cell.value for cell in row] for row in book["questions_by_practice"].iter_rows(min_row=4)]
    assert questions[:3] == [[built.practices[0].title, "—"], [built.practices[1].title, "—"], ["Total", 15]]
    assert "below 5" in questions[-1][0]


def test_the_csv_holds_the_same_figures_for_excel(client, built, make_user):
    client.force_login(make_user("editor", "pl"))

    response = client.get(f"{RESULTS}pl.csv")
    lines = csv_lines(response)

    assert response["Content-Disposition"] == 'attachment; filename="results-pl.csv"'
    start = lines.index(["Wydarzenia według roku"])
    assert lines[start + 1 : start + 5] == [["Label", "Value"], ["2025", "1"], ["2026", "2"], ["Total", "3"]]


def test_headers_follow_the_admin_users_language(client, built, make_user):
    client.force_login(make_user("editor", "pl", language="cs"))

    book = workbook(client.get(f"{RESULTS}pl.xlsx"))

    assert [cell.value for cell in book["events_by_type"][3]] == ["Popisek", "Hodnota"]
    assert book["events_by_type"]["A1"].value == "Wydarzenia według rodzaju"


def test_text_that_would_run_as_a_formula_stays_text(client, site_tree, make_user):
    PracticePageFactory(parent=site_tree.practices, title="=HYPERLINK(1)", slug="formula")
    practice = PracticePageFactory(parent=site_tree.practices, title="@SUM(A1)", slug="formula-2")
    ask(practice, 7)
    client.force_login(make_user("editor", "pl"))

    sheet = workbook(client.get(f"{RESULTS}pl.xlsx"))["questions_by_practice"]
    lines = csv_lines(client.get(f"{RESULTS}pl.csv"))

    assert sheet["A4"].value == "@SUM(A1)"
    assert sheet["A4"].data_type == "s"
    assert ["'@SUM(A1)", "7"] in lines


@pytest.mark.parametrize("role", ["translator", "reviewer", "editor"])
def test_any_admin_user_may_download(client, built, make_user, role):
    client.force_login(make_user(role, "cs"))

    assert client.get(RESULTS).status_code == 200
    assert client.get(f"{RESULTS}cs.csv").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, built):
    for url in (RESULTS, f"{RESULTS}pl.csv", f"{RESULTS}pl.xlsx"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_a_user_without_admin_access_is_refused(client, built, make_user):
    client.force_login(make_user())

    assert client.get(f"{RESULTS}pl.csv").status_code in (302, 403)


@pytest.mark.parametrize("path", ["de.csv", "pl.pdf", "pl.CSV"])
def test_an_unknown_language_or_format_is_not_found(client, built, make_user, path):
    client.force_login(make_user("editor", "pl"))

    assert client.get(f"{RESULTS}{path}").status_code == 404


def test_the_report_page_lists_both_languages(client, content, make_user):
    client.force_login(make_user("editor", "pl"))

    page = client.get(RESULTS).content.decode()

    assert f'href="{RESULTS}pl.xlsx"' in page
    assert f'href="{RESULTS}cs.csv"' in page
    assert "Dobrá praxe podle tématu" in page


def test_a_download_takes_no_post(client, built, make_user):
    client.force_login(make_user("editor", "pl"))

    assert client.post(f"{RESULTS}pl.csv").status_code == 405
