"""Year of birth and the Washington Group columns in rosters, the enrol form and the roster
export: read leniently, errors per row, written with the person."""

import csv
import io

import pytest

from lms.cohorts.importers import RawRow, read_roster, roster_check, roster_import
from lms.cohorts.importers.demographics import parse_birth_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(course):
    from tests.factories import make_cohort

    return make_cohort(course=course, capacity=30)


def _row(number: int, **values) -> RawRow:
    base = {"first_name": "Awa", "last_name": f"Keïta{number}", "region": "Kayes"}
    from lms.cohorts.importers import COLUMNS

    return RawRow(number=number, values={**dict.fromkeys(COLUMNS, ""), **base, **values})


@pytest.mark.parametrize("raw,year", [
    ("1985", 1985), ("1985.0", 1985), ("12/03/1985", 1985), ("1985-03-12", 1985),
    ("1985-03-12 00:00:00", 1985), ("", None),
])
def test_year_of_birth_is_read_from_a_year_or_a_date(raw, year):
    assert parse_birth_year(raw, this_year=2026) == year


@pytest.mark.parametrize("raw", ["38", "1890", "2020", "vers 1980 ou 1981", "abc"])
def test_a_year_of_birth_that_is_not_one_is_an_error(raw):
    assert isinstance(parse_birth_year(raw, this_year=2026), str)


def test_roster_rows_with_demographics_are_written_and_bad_ones_listed(cohort, by):
    rows = [
        _row(2, birth_year="1988", wg_seeing="1", wg_hearing="aucune difficulté",
             wg_walking="Beaucoup de difficultés", wg_cognition="some", wg_selfcare="",
             wg_communication="4"),
        _row(3, birth_year="38", wg_seeing="maybe"),
    ]
    preview = roster_check(cohort=cohort, raw_rows=rows, by=by)
    errors = {row.number: row.errors for row in preview.rows}
    assert errors[2] == []
    assert len(errors[3]) == 2
    assert "Year of birth" in errors[3][0] and "Difficulty seeing" in errors[3][1]
    imported = roster_import(cohort=cohort, raw_rows=rows[:1], by=by)
    person = imported.rows[0].person
    person.refresh_from_db()
    assert person.birth_year == 1988
    assert (person.wg_seeing, person.wg_hearing, person.wg_walking, person.wg_cognition,
            person.wg_selfcare, person.wg_communication) == (1, 1, 3, 2, None, 4)


def test_french_headers_are_read(cohort):
    text = ("Prénom;Nom;Région;Année de naissance;Difficulté à voir;Vision\n"
            "Awa;Keïta;Kayes;1990;2;\n")
    rows = read_roster(name="r.csv", data=text.encode("utf-8"))
    assert rows[0].values["birth_year"] == "1990" and rows[0].values["wg_seeing"] == "2"


def test_enrol_form_and_roster_export_carry_the_columns(client, cohort, by):
    client.force_login(by)
    answer = client.post(f"/en/cohorts/{cohort.pk}/enrol/", {
        "first_name": "Fanta", "last_name": "Coulibaly", "region": cohort.region.pk,
        "birth_year": "1979", "wg_walking": "3"})
    assert answer.status_code == 302, answer.content.decode()[:3000]
    bad = client.post(f"/en/cohorts/{cohort.pk}/enrol/", {
        "first_name": "Awa", "last_name": "Touré", "region": cohort.region.pk,
        "birth_year": "1890"})
    assert bad.status_code == 200 and "birth_year" in bad.context["form"].errors
    export = client.get(f"/en/cohorts/{cohort.pk}/roster.csv").content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(export)))
    fanta = next(row for row in table if row["first_name"] == "Fanta")
    assert fanta["birth_year"] == "1979" and fanta["wg_walking"] == "3"
    assert fanta["wg_seeing"] == ""
