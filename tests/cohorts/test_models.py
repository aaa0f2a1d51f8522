"""Shared terms defined once on the cohorts models."""

import pytest

from django.db.models import Count

from lms.cohorts.models import Cohort, Enrollment
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort_with_each_status(course):
    cohort = make_cohort(course=course)
    enrolled, completed, withdrawn = enroll(cohort, UserFactory(), UserFactory(), UserFactory())
    Enrollment.objects.filter(pk=completed.pk).update(status=Enrollment.Status.COMPLETED)
    Enrollment.objects.filter(pk=withdrawn.pk).update(status=Enrollment.Status.WITHDRAWN)
    return cohort, {"enrolled": enrolled, "completed": completed, "withdrawn": withdrawn}


def test_active_enrollments_leave_only_the_withdrawn_out(cohort_with_each_status):
    cohort, by_status = cohort_with_each_status
    assert set(cohort.enrollments.active()) == {by_status["enrolled"], by_status["completed"]}
    assert list(Enrollment.objects.withdrawn()) == [by_status["withdrawn"]]


def test_active_condition_counts_the_same_along_a_relation(cohort_with_each_status):
    cohort, _ = cohort_with_each_status
    counted = Cohort.objects.annotate(
        n=Count("enrollments", filter=Enrollment.active_q("enrollments"))).get(pk=cohort.pk)
    assert counted.n == cohort.enrollments.active().count() == 2
    assert Enrollment.objects.filter(Enrollment.active_q()).count() == 2
