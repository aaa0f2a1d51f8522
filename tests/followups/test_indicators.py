"""The indicators: share of follow-ups done, share applying each practice, retention —
in total and disaggregated, each in one query."""

import pytest

from django.utils import timezone

from lms.cohorts.models import Enrollment
from lms.followups import indicators
from tests.followups.factories import follow_ups_of

pytestmark = pytest.mark.django_db


def _trainees():
    return Enrollment.objects.exclude(trainee__username="fac.kayes")


def test_share_done_in_total_and_per_milestone(answered, django_assert_num_queries):
    with django_assert_num_queries(1):
        total = indicators.followups_done(enrollments=_trainees())
    assert total["due"] == 6 and total["done"] == 3
    assert total["done_share"] == 50.0
    assert (total["done_share_3"], total["done_share_6"]) == (66.7, 33.3)
    assert total["trained_others_share"] == 66.7


def test_share_done_by_sex_and_region(answered):
    by_sex = {r["value"]: r for r in indicators.followups_done(enrollments=_trainees(),
                                                               dimension="sex")}
    assert (by_sex["F"]["done"], by_sex["F"]["due"], by_sex["F"]["label"]) == (2, 2, "Female")
    assert (by_sex["M"]["done"], by_sex["M"]["due"]) == (1, 4)
    by_region = {r["value"]: r["done_share"] for r in indicators.followups_done(
        enrollments=_trainees(), dimension="region")}
    assert by_region == {"Kayes": 75.0, "Mopti": 0.0}
    levels = indicators.followups_done(enrollments=_trainees(), dimension="level")
    assert [(r["value"], r["done"]) for r in levels] == [(1, 3)]


def test_a_follow_up_not_yet_due_does_not_count(world):
    follow_ups_of(world["enrollments"]["kayes"], on=timezone.now())
    assert indicators.followups_done(enrollments=_trainees())["due"] == 0
    assert indicators.followups_done(enrollments=_trainees())["done_share"] is None


def test_share_applying_each_practice(answered, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        rows = {r["practice"]: r for r in indicators.practices_applied(enrollments=_trainees())}
    assert (rows["nrm-referral"]["applied"], rows["nrm-referral"]["answered"]) == (2, 3)
    assert rows["nrm-referral"]["share"] == 66.7
    assert rows["psychosocial-first-aid"]["share"] == 0.0
    by_sex = [(r["practice"], r["value"], r["share"]) for r in indicators.practices_applied(
        enrollments=_trainees(), dimension="sex") if r["practice"] == "nrm-referral"]
    assert by_sex == [("nrm-referral", "F", 100.0), ("nrm-referral", "M", 0.0)]


def test_retention_is_the_retest_against_the_post_test(answered, django_assert_num_queries):
    with django_assert_num_queries(1):
        total = indicators.retention(enrollments=_trainees())
    assert total == {"pairs": 2, "post": 85.0, "retest": 70.5, "retention": 82.9}
    by_region = {r["value"]: r for r in indicators.retention(enrollments=_trainees(),
                                                             dimension="region")}
    assert by_region["Kayes"]["retention"] == 75.0
    assert by_region["Mopti"]["retention"] == 90.0
    assert indicators.retention(enrollments=Enrollment.objects.none())["retention"] is None


def test_by_age_band_and_disability(world, answered):
    # Kadia was 30 the year her cohort started (2024), with "a lot of difficulty" walking.
    kadia = world["people"]["trainee_kayes"]
    kadia.birth_year, kadia.wg_walking = 1994, 3
    kadia.save(update_fields=["birth_year", "wg_walking"])
    by_age = {r["value"]: r for r in indicators.followups_done(enrollments=_trainees(),
                                                               dimension="age_band")}
    assert (by_age["25_34"]["done"], by_age["25_34"]["label"]) == (2, "25 to 34")
    assert (by_age[""]["done"], by_age[""]["label"]) == (1, "Not recorded")
    kept = {r["value"]: r["retention"] for r in indicators.retention(
        enrollments=_trainees(), dimension="disability")}
    assert kept == {"yes": 75.0, "": 90.0}
    practices = [(r["value"], r["share"]) for r in indicators.practices_applied(
        enrollments=_trainees(), dimension="age_band") if r["practice"] == "nrm-referral"]
    assert practices == [("", 0.0), ("25_34", 100.0)]
