"""Builders for certificate tests: a course, a cohort, trainees with completed enrollments."""

from lms.cohorts.models import Enrollment
from tests.factories import UserFactory, enroll, make_cohort


def completed_enrollment(*, course, cohort=None, trainee=None, **trainee_fields) -> Enrollment:
    cohort = cohort or make_cohort(course=course)
    trainee = trainee or UserFactory(**trainee_fields)
    (enrollment,) = enroll(cohort, trainee)
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.save(update_fields=["status"])
    return enrollment
