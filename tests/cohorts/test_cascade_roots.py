"""Each cohort keeps the top of its cascade (`Cohort.root`, the level-1 workshop it descends
from): set when it is created or moved, followed by everything below it when a cohort moves,
and reset when an upstream cohort is deleted. The figures per master trainer read it."""


import pytest

from lms.cohorts import services
from lms.cohorts.models import Cohort
from tests.factories import UserFactory, cascade_session, recorded_trainer

pytestmark = pytest.mark.django_db


def tops(*cohorts) -> list[int | None]:
    return [Cohort.objects.get(pk=c.pk).root_id for c in cohorts]


@pytest.fixture
def chain(course):
    first = cascade_session(course, [UserFactory()], name="level-1", tot=True)
    second = cascade_session(course, [recorded_trainer(first)], name="level-2", tot=True)
    third = cascade_session(course, [recorded_trainer(second)], name="level-3", tot=True)
    return first, second, third


def test_a_new_cohort_takes_the_top_of_its_upstream_cohort(chain):
    first, second, third = chain
    assert tops(first, second, third) == [None, first.pk, first.pk]


def test_a_moved_cohort_takes_everything_below_it_to_its_new_top(course, chain):
    _first, second, third = chain
    other = cascade_session(course, [UserFactory()], name="other-level-1", tot=True)
    services.cohort_set_facilitators(cohort=second, facilitators=[recorded_trainer(other)])
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
    first_again = cascade_session(first.course, [recorded_trainer(first)],
                                  name="level-2-again", tot=True)
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
