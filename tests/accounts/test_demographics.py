"""The age band and Washington Group rules, in Python and in the database (same answers)."""

import pytest

from django.db.models import Value
from django.db.models.functions import ExtractYear

from lms.accounts.demographics import (
    AgeBand,
    Difficulty,
    age_band,
    age_band_expression,
    disability_expression,
    has_disability,
)
from lms.accounts.models import User


@pytest.mark.parametrize("birth_year,year,band", [
    (None, 2024, ""), (2000, 2024, AgeBand.UNDER_25), (1999, 2024, AgeBand.FROM_25),
    (1990, 2024, AgeBand.FROM_25), (1989, 2024, AgeBand.FROM_35), (1980, 2024, AgeBand.FROM_35),
    (1979, 2024, AgeBand.FROM_45), (1970, 2024, AgeBand.FROM_45), (1969, 2024, AgeBand.FROM_55),
    (1940, 2024, AgeBand.FROM_55),
])
def test_age_band_is_the_age_reached_during_the_year(birth_year, year, band):
    assert age_band(birth_year=birth_year, year=year) == band


N, S, L, C = (Difficulty.NONE, Difficulty.SOME, Difficulty.A_LOT, Difficulty.CANNOT)


@pytest.mark.parametrize("answers,expected", [
    ([None] * 6, None),
    ([N] * 6, False),
    ([S, S, S, S, S, S], False),  # "some difficulty" everywhere is not the cut-off
    ([N, None, None, None, None, None], False),
    ([N, N, L, N, N, N], True),
    ([None, None, None, None, None, C], True),
    ([S, S, S, S, S, L], True),
])
def test_washington_group_cut_off_is_one_a_lot_or_cannot(answers, expected):
    assert has_disability(answers) is expected


@pytest.mark.django_db
def test_the_database_expressions_agree_with_the_python_rules():
    fields = ["wg_seeing", "wg_hearing", "wg_walking", "wg_cognition", "wg_selfcare",
              "wg_communication"]
    cases = [([None] * 6, 1999), ([N] * 6, 1980), ([S] * 6, None), ([N, N, L, N, N, N], 1960),
             ([None] * 5 + [C], 2003)]
    people = [User.objects.create(username=f"p{n}", birth_year=year,
                                  **dict(zip(fields, answers, strict=True)))
              for n, (answers, year) in enumerate(cases)]
    rows = dict(User.objects.filter(pk__in=[p.pk for p in people]).annotate(
        band=age_band_expression(birth_year="birth_year", year=Value(2024)),
        disabled=disability_expression()).values_list("pk", "band").order_by())
    flags = dict(User.objects.filter(pk__in=[p.pk for p in people]).annotate(
        disabled=disability_expression()).values_list("pk", "disabled"))
    for person, (answers, year) in zip(people, cases, strict=True):
        assert rows[person.pk] == age_band(birth_year=year, year=2024)
        expected = has_disability(answers)
        assert flags[person.pk] == {None: "", True: "yes", False: "no"}[expected]
    assert ExtractYear  # the reports pass ExtractYear("cohort__start_date") as the year
