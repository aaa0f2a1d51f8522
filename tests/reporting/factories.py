"""Helpers that enlarge the hand-built dataset, for query-count tests at two data sizes."""

import itertools

from django.utils import timezone

from lms.cohorts.models import Attendance, Enrollment
from lms.organisations.models import Organisation
from lms.reporting.rollups import totals_rebuild
from tests.factories import OrganisationFactory, UserFactory, make_cohort

_n = itertools.count(1)


def grow(dataset: dict, *, cohorts: int, trainees_per_cohort: int) -> None:
    """More cohorts (downstream of Kayes, in several regions), people, organisations and
    attendance, so a page that looped over rows would make more queries."""
    regions = ["Kayes", "Sikasso", "Gao"]
    for index in range(cohorts):
        cohort = make_cohort(course=dataset["course"], region_name=regions[index % 3],
                             level=3, parent=dataset["kayes"])
        cohort.facilitators.add(dataset["master"])
        org = OrganisationFactory(kind=Organisation.Kind.COMMUNITY_BASED)
        for _ in range(trainees_per_cohort):
            trainee = UserFactory(username=f"grown{next(_n)}", organisation=org)
            enrollment = Enrollment.objects.create(
                cohort=cohort, trainee=trainee, status=Enrollment.Status.COMPLETED,
                completed_at=timezone.now())
            Attendance.objects.create(enrollment=enrollment, date=cohort.start_date,
                                      status=Attendance.Status.PRESENT)
    totals_rebuild()
