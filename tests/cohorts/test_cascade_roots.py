"""Each cohort keeps the top of its cascade (`Cohort.root`, the level-1 workshop it descends
from): set when it is created or moved, followed by everything below it when a cohort moves,
and reset when an upstream cohort is deleted. The figures per master trainer read it."""

import datetime

import pytest

from lms.cohorts import services
from lms.cohorts.models import Cohort, Enrollment
from tests.factories import UserFactory, enroll, region

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 3, 4)


def _session(course, facilitators, name):
    return services.cohort_create(
        by=None, facilitators=facilitators, name=name, code=name, course=course,
        region=region("Kayes"), start_date=DAY, end_date=DAY, is_training_of_trainers=True)


def _trained(cohort):
    person = UserFactory()
    (enrollment,) = enroll(cohort, person)
    Enrollment.objects.filter(pk=enrollment.pk).update(status="completed")
    services.trainer_record(user=person, cohort=cohort, by=None)
    return person


def tops(*cohorts) -> list[int | None]:
    return [Cohort.objects.get(pk=c.pk).root_id for c in cohorts]


@pytest.fixture
def chain(course):
    first = _session(course, [UserFactory()], "level-1")
    second = _session(course, [_trained(first)], "level-2")
    third = _session(course, [_trained(second)], "level-3")
    return first, second, third


def test_a_new_cohort_takes_the_top_of_its_upstream_cohort(chain):
    first, second, third = chain
    assert tops(first, second, third) == [None, first.pk, first.pk]


def test_a_moved_cohort_takes_everything_below_it_to_its_new_top(course, chain):
    _first, second, third = chain
    other = _session(course, [UserFactory()], "other-level-1")
    services.cohort_set_facilitators(cohort=second, facilitators=[_trained(other)])
    assert tops(second, third) == [other.pk, other.pk]
    assert Cohort.objects.get(pk=third.pk).level == 3
    services.cohort_set_facilitators(cohort=second, facilitators=[UserFactory()])  # no trainer
    assert tops(second, third) == [None, second.pk]
    assert [Cohort.objects.get(pk=c.pk).level for c in (second, third)] == [1, 2]


def levels(*cohorts) -> list[int]:
    return [Cohort.objects.get(pk=c.pk).level for c in cohorts]


def test_deleting_an_upstream_cohort_makes_its_children_tops(chain):
    first, second, third = chain
    second.delete()
    assert tops(third) == [None] and levels(third) == [1]
    first_again = _session(first.course, [_trained(first)], "level-2-again")
    assert tops(first_again) == [first.pk]


def test_deleting_a_top_makes_the_next_level_the_top_of_what_is_below(chain):
    first, second, third = chain
    first.delete()
    assert tops(second, third) == [None, second.pk]
    assert levels(second, third) == [1, 2]


def test_the_migration_fills_the_tops_of_existing_cohorts(chain):
    import importlib

    from django.apps import apps

    first, second, third = chain
    migration = importlib.import_module("lms.cohorts.migrations.0007_cohort_root")
    Cohort.objects.update(root=None)
    migration.fill_roots(apps, None)
    assert tops(first, second, third) == [None, first.pk, first.pk]
