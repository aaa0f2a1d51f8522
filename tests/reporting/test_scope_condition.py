"""`scope.in_scope` writes the viewer's scope on a joined cohort instead of a subquery of
cohorts (issue 16: the dashboard's queries read each cohort once). It must select exactly what
`cohort__in=cohorts_in_scope(...)` selects, for every kind of viewer and filter, and
`selectors.managed_q` exactly what `cohorts_managed_by` does."""

import datetime
import itertools

import pytest

from lms.accounts import roles
from lms.accounts.models import User
from lms.cohorts.models import Cohort, Enrollment, Trainer
from lms.cohorts.selectors import cohorts_managed_by, counted_cohorts_managed_by, managed_q
from lms.organisations.models import Organisation
from lms.reporting.filters import Filters
from lms.reporting.models import CohortTotals
from lms.reporting.scope import cohorts_in_scope, in_scope
from tests.factories import UserFactory, make_cohort, region, role_groups

pytestmark = pytest.mark.django_db

FILTERS = [
    Filters(),
    Filters(region="kayes"),
    Filters(level=2),
    Filters(org_kind=Organisation.Kind.NON_GOVERNMENTAL),
    Filters(org_kind=Organisation.Kind.COMMUNITY_BASED),  # nobody of that type
    Filters(date_from=datetime.date(2024, 3, 1), date_to=datetime.date(2024, 3, 31)),
    Filters(course="none-such"),
]


@pytest.fixture
def viewers(dataset) -> dict[str, User]:
    # A session run by a recorded trainer, closed and waiting for validation: listed for its
    # trainer and the coordinators, counted for nobody.
    trainer = Trainer.objects.get(user__username="t1").user
    trainer.groups.add(*role_groups(roles.TRAINEE))
    pending = make_cohort(course=dataset["course"], region_name="Kayes", level=3,
                          parent=dataset["kayes"], validation=Cohort.Validation.PENDING)
    pending.facilitators.add(trainer)
    Enrollment.objects.create(cohort=pending, trainee=UserFactory())
    return {
        "national": dataset["national"],
        "kayes coordinator": dataset["kayes_coord"],
        "two regions": UserFactory(roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[region("Kayes"), region("Mopti")]),
        "facilitator": dataset["master"],
        "recorded trainer": trainer,
        "trainee": dataset["trainee"],
    }


def _ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def test_the_joined_condition_selects_what_the_subquery_selects(viewers):
    for (who, user), filters in itertools.product(viewers.items(), FILTERS):
        expected = _ids(CohortTotals.objects.filter(
            cohort__in=cohorts_in_scope(user=user, filters=filters)))
        joined = _ids(CohortTotals.objects.filter(in_scope(user=user, filters=filters)))
        assert joined == expected, (who, filters)
        trainers = _ids(Trainer.objects.filter(in_scope(user=user, filters=filters,
                                                        path="trained_in")))
        assert trainers == _ids(Trainer.objects.filter(
            trained_in__in=cohorts_in_scope(user=user, filters=filters))), (who, filters)


def test_the_condition_on_a_cohort_is_the_managed_cohorts(viewers):
    for who, user in viewers.items():
        for counted, managed in ((False, cohorts_managed_by), (True, counted_cohorts_managed_by)):
            on_enrollments = set(Enrollment.objects.filter(
                managed_q(user, counted=counted, path="cohort"))
                .values_list("cohort_id", flat=True))
            assert on_enrollments == set(Enrollment.objects.filter(
                cohort__in=managed(user)).values_list("cohort_id", flat=True)), who
    # The cases above differ: the recorded trainer lists their open session, counts nothing.
    trainer = viewers["recorded trainer"]
    assert cohorts_managed_by(trainer).exists()
    assert not counted_cohorts_managed_by(trainer).exists()
