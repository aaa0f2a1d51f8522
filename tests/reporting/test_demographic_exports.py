"""The trainees export carries year of birth, age band (at the cohort's start) and the
Washington Group answers with the disability they give."""

import csv
import datetime
import io

import pytest

from lms.accounts import roles
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db


def test_trainee_export_has_the_demographic_columns(client, site_tree, roles_ready):
    cohort = make_cohort(course=site_tree["course"], start_date=datetime.date(2024, 3, 4),
                         end_date=datetime.date(2024, 3, 6))
    with_answers = UserFactory(username="awa", birth_year=1990, wg_seeing=1, wg_walking=3)
    without = UserFactory(username="binta")
    enroll(cohort, with_answers, without)
    client.force_login(UserFactory(username="nat", roles=[roles.NATIONAL_COORDINATOR]))
    text = client.get("/en/dashboard/export/trainees.csv").getvalue().decode("utf-8-sig")
    rows = {row["Username"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["awa"]["Year of birth"] == "1990"
    assert rows["awa"]["Age band"] == "25 to 34"  # 34 in 2024
    assert rows["awa"]["Disability (Washington Group)"] == "With a disability"
    assert rows["awa"]["Walking"] == "A lot of difficulty"
    assert rows["binta"]["Age band"] == "" and rows["binta"]["Disability (Washington Group)"] == ""
    coded = client.get("/en/dashboard/export/trainees.csv?codes=1").getvalue().decode(
        "utf-8-sig")
    coded_rows = {row["username"]: row for row in csv.DictReader(io.StringIO(coded))}
    assert (coded_rows["awa"]["age_band"], coded_rows["awa"]["disability"],
            coded_rows["awa"]["wg_walking"]) == ("25_34", "yes", "3")
    french = client.get("/fr/dashboard/export/trainees.csv").getvalue().decode("utf-8-sig")
    assert "Tranche d\u2019âge" in french and "En situation de handicap" in french
