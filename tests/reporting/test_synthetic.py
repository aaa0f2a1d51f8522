import pytest

from django.core.management import CommandError, call_command
from django.db.models import Count

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.cohorts.models import Cohort, Enrollment
from lms.quizzes.models import Sitting
from lms.quizzes.services import score_passes
from lms.reporting import selectors
from lms.reporting.filters import Filters
from tests.factories import UserFactory


def _generate(**options):
    call_command("generate_synthetic", stdout=open("/dev/null", "w"), **options)  # noqa: SIM115


def test_generates_a_cascade_of_the_asked_size(site_tree):
    _generate(trainees=120, cohorts=21, levels=3, seed=7, repeat_share=0)
    cohorts = Cohort.objects.filter(code__startswith="syn-")
    assert cohorts.count() == 21
    assert sorted(set(cohorts.values_list("level", flat=True))) == [1, 2, 3]
    assert not cohorts.filter(level__gt=1, parent__isnull=True).exists()
    assert not cohorts.filter(level=2).exclude(parent__level=1).exists()
    assert Enrollment.objects.filter(trainee__username__startswith="syn-").count() == 120
    assert Sitting.objects.exists() and Certificate.objects.filter(code__startswith="SYN").exists()
    assert not Cohort.objects.filter(enrollments__isnull=True, code__startswith="syn-").exists()
    for sitting in Sitting.objects.select_related("quiz"):
        assert sitting.passed is score_passes(quiz=sitting.quiz,
                                              score_percent=sitting.score_percent)


def test_deterministic_and_replaces_the_previous_run(site_tree):
    national = UserFactory(username="nat", is_superuser=True)
    _generate(trainees=80, cohorts=8, seed=3)
    first = selectors.headline(user=national, filters=Filters())
    _generate(trainees=80, cohorts=8, seed=3)
    assert selectors.headline(user=national, filters=Filters()) == first
    assert User.objects.filter(username__startswith="syn-").count() == 80 + 2


def test_some_people_are_in_two_cohorts_and_count_once(site_tree):
    national = UserFactory(username="nat", is_superuser=True)
    _generate(trainees=200, cohorts=20, seed=5, repeat_share=0.3)
    enrollments = Enrollment.objects.filter(trainee__username__startswith="syn-")
    pairs = list(enrollments.values_list("trainee_id", "cohort_id"))
    assert len(pairs) == len(set(pairs))  # never twice in the same cohort
    twice = enrollments.values("trainee").annotate(n=Count("pk")).filter(n=2).count()
    assert 30 < twice < 90 and not enrollments.values("trainee").annotate(
        n=Count("pk")).filter(n__gt=2).exists()
    reached = enrollments.active().values("trainee").distinct().count()
    assert selectors.headline(user=national, filters=Filters())["people"] == reached


def test_rejects_impossible_sizes(db):
    with pytest.raises(CommandError):
        _generate(trainees=5, cohorts=10)
    with pytest.raises(CommandError):
        _generate(trainees=50, levels=9)
    with pytest.raises(CommandError):
        _generate(trainees=50, repeat_share=1.5)
