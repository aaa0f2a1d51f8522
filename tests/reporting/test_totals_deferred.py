"""`figures_deferred()`: a bulk load refreshes each changed cohort's totals once, at the end,
and the totals are then exactly what refreshing after every change gives."""

import pytest

from django.db import transaction

from lms.cohorts import figures
from lms.cohorts import services as cohorts
from lms.reporting.models import CohortTotals, RepeatTrainee
from lms.reporting.rollups import totals_drift
from tests.factories import UserFactory, make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(site_tree):
    return site_tree["course"]


@pytest.fixture
def refreshes(monkeypatch) -> list[tuple[list[int], list[int]]]:
    calls: list[tuple[list[int], list[int]]] = []
    real = figures.seams.refresh

    def counted(*, cohort_ids, trainee_ids):
        calls.append((cohort_ids, trainee_ids))
        real(cohort_ids=cohort_ids, trainee_ids=trainee_ids)

    monkeypatch.setattr(figures.seams, "refresh", counted)
    return calls


def test_changes_inside_are_refreshed_once_and_exactly(course, refreshes):
    first, second = make_cohort(course=course), make_cohort(course=course)
    people = UserFactory.create_batch(3)
    refreshes.clear()
    with transaction.atomic(), figures.figures_deferred():
        for person in people:
            cohorts.enrollment_create(cohort=first, trainee=person)
        cohorts.enrollment_create(cohort=second, trainee=people[0])
        with figures.figures_deferred():  # nested: the outer block refreshes
            cohorts.enrollment_withdraw(enrollment=first.enrollments.get(trainee=people[2]))
        assert refreshes == [], "nothing is refreshed inside the block"
    assert refreshes == [(sorted([first.pk, second.pk]), sorted(p.pk for p in people[:3]))]
    assert totals_drift() == []
    assert CohortTotals.objects.get(cohort=first, grain=CohortTotals.Grain.COHORT).active == 2
    assert list(RepeatTrainee.objects.values_list("trainee_id", flat=True)) == [people[0].pk]


def test_a_failed_block_refreshes_nothing_and_leaves_the_totals_as_they_were(course,
                                                                            refreshes):
    cohort = make_cohort(course=course)
    before = list(CohortTotals.objects.filter(cohort=cohort).values())
    refreshes.clear()
    with pytest.raises(RuntimeError), transaction.atomic(), figures.figures_deferred():
        cohorts.enrollment_create(cohort=cohort, trainee=UserFactory())
        raise RuntimeError("the import failed half way")
    assert refreshes == []
    assert list(CohortTotals.objects.filter(cohort=cohort).values()) == before
    assert totals_drift() == []


def test_outside_a_block_every_change_refreshes_at_once(course, refreshes):
    cohort = make_cohort(course=course)
    refreshes.clear()
    cohorts.enrollment_create(cohort=cohort, trainee=UserFactory())
    assert len(refreshes) == 1
    assert CohortTotals.objects.get(cohort=cohort, grain=CohortTotals.Grain.COHORT).active == 1
