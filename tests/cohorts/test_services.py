import datetime
from types import SimpleNamespace

import pytest

from django.core.exceptions import ValidationError

from lms.cohorts import services
from lms.cohorts.models import Attendance, Enrollment, Trainer
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db
DAY1, DAY2, DAY3 = (datetime.date(2024, 3, d) for d in (4, 5, 6))
P, A, E = (Attendance.Status.PRESENT, Attendance.Status.ABSENT, Attendance.Status.EXCUSED)


def _attend(cohort, enrollment, *statuses):
    for day, status in zip((DAY1, DAY2, DAY3), statuses, strict=False):
        services.attendance_record(cohort=cohort, date=day, statuses={enrollment.pk: status},
                                   by=None)


@pytest.fixture
def setup(course, post_test, certificate_issue):
    cohort = make_cohort(course=course)  # 3 days, 4-6 March 2024
    trainee = UserFactory()
    (enrollment,) = enroll(cohort, trainee)
    return cohort, trainee, enrollment


def test_cohort_days_span_start_to_end(setup):
    cohort, *_ = setup
    assert services.cohort_days(cohort=cohort) == [DAY1, DAY2, DAY3]


def test_full_attendance_and_passed_post_test_completes_and_issues_once(
        setup, post_test, certificate_issue):
    cohort, trainee, enrollment = setup
    post_test.add(trainee.pk)
    _attend(cohort, enrollment, P, P, P)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at is not None
    assert services.completion_evaluate(enrollment=enrollment) is True
    assert certificate_issue.call_count == 1


def test_attendance_below_minimum_does_not_complete(setup, post_test, certificate_issue):
    cohort, trainee, enrollment = setup
    post_test.add(trainee.pk)
    _attend(cohort, enrollment, P, P, A)  # 67% < 80%
    assert services.completion_evaluate(enrollment=enrollment) is False
    assert certificate_issue.call_count == 0


def test_missing_day_counts_as_absent(setup, post_test):
    cohort, trainee, enrollment = setup
    post_test.add(trainee.pk)
    _attend(cohort, enrollment, P, P)
    assert services.attendance_over_cohort_days(enrollment=enrollment).percent == 67
    assert services.completion_evaluate(enrollment=enrollment) is False


def test_excused_day_is_left_out_of_the_rate(setup, post_test):
    cohort, trainee, enrollment = setup
    post_test.add(trainee.pk)
    _attend(cohort, enrollment, P, E, P)
    rate = services.attendance_over_cohort_days(enrollment=enrollment)
    assert (rate.present, rate.excused, rate.counted_days, rate.percent) == (2, 1, 2, 100)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_all_days_excused_never_completes(setup, post_test):
    cohort, trainee, enrollment = setup
    post_test.add(trainee.pk)
    _attend(cohort, enrollment, E, E, E)
    assert services.completion_evaluate(enrollment=enrollment) is False


def test_post_test_required_unless_course_says_otherwise(setup, course, certificate_issue):
    cohort, _trainee, enrollment = setup
    _attend(cohort, enrollment, P, P, P)
    assert services.completion_evaluate(enrollment=enrollment) is False
    course.completion_requires_post_test = False
    course.save()
    enrollment.cohort.course.refresh_from_db()
    assert services.completion_evaluate(enrollment=enrollment) is True
    assert certificate_issue.call_count == 1


def test_withdrawn_enrollment_never_completes(setup, post_test):
    _cohort, trainee, enrollment = setup
    post_test.add(trainee.pk)
    services.enrollment_withdraw(enrollment=enrollment)
    assert services.completion_evaluate(enrollment=enrollment) is False


def test_stale_copy_does_not_issue_twice(setup, post_test, certificate_issue):
    """Two callers holding the same not-yet-complete row: the conditional update lets one win."""
    cohort, trainee, enrollment = setup
    post_test.add(trainee.pk)
    stale = Enrollment.objects.get(pk=enrollment.pk)
    _attend(cohort, enrollment, P, P, P)
    assert stale.status == Enrollment.Status.ENROLLED
    assert services.completion_evaluate(enrollment=stale) is True
    assert certificate_issue.call_count == 1


def test_completion_evaluate_for_maps_french_course(setup, course, post_test):
    from wagtail.models import Locale

    _cohort, trainee, enrollment = setup
    french = course.copy_for_translation(Locale.objects.get(language_code="fr"),
                                         copy_parents=True)
    post_test.add(trainee.pk)
    Attendance.objects.bulk_create(
        [Attendance(enrollment=enrollment, date=d, status=P) for d in (DAY1, DAY2, DAY3)])
    result = services.completion_evaluate_for(user=trainee, course=french)
    assert [e.pk for e in result] == [enrollment.pk]
    assert result[0].status == Enrollment.Status.COMPLETED


def test_attendance_rejects_day_outside_cohort_and_foreign_enrollment(setup, course):
    cohort, _trainee, enrollment = setup
    with pytest.raises(ValidationError):
        services.attendance_record(cohort=cohort, date=datetime.date(2024, 3, 7),
                                   statuses={enrollment.pk: P}, by=None)
    other = make_cohort(course=course)
    (foreign,) = enroll(other, UserFactory())
    with pytest.raises(ValidationError):
        services.attendance_record(cohort=cohort, date=DAY1,
                                   statuses={enrollment.pk: P, foreign.pk: P}, by=None)
    with pytest.raises(ValidationError):
        services.attendance_record(cohort=cohort, date=DAY1, statuses={enrollment.pk: "late"},
                                   by=None)
    assert Attendance.objects.count() == 0


def test_attendance_correction_updates_in_place(setup):
    cohort, _trainee, enrollment = setup
    assert services.attendance_record(cohort=cohort, date=DAY1, statuses={enrollment.pk: A},
                                      by=None) == 1
    assert services.attendance_record(cohort=cohort, date=DAY1, statuses={enrollment.pk: A},
                                      by=None) == 0
    services.attendance_record(cohort=cohort, date=DAY1, statuses={enrollment.pk: E}, by=None)
    assert list(Attendance.objects.values_list("status", flat=True)) == [E]


def test_enrollment_create_is_idempotent_and_respects_capacity(course):
    cohort = make_cohort(course=course, capacity=1)
    first, second = UserFactory(), UserFactory()
    assert services.enrollment_create(cohort=cohort, trainee=first) == \
        services.enrollment_create(cohort=cohort, trainee=first)
    with pytest.raises(ValidationError):
        services.enrollment_create(cohort=cohort, trainee=second)


# Trainers and the cascade ------------------------------------------------------------------

def _completed(cohort, user):
    (enrollment,) = enroll(cohort, user)
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.COMPLETED)
    return enrollment


def test_trainer_record_requires_completed_tot_enrollment(course):
    tot = make_cohort(course=course, is_training_of_trainers=True)
    plain = make_cohort(course=course)
    done, pending = UserFactory(), UserFactory()
    _completed(tot, done)
    _completed(plain, done)
    enroll(tot, pending)
    with pytest.raises(ValidationError):
        services.trainer_record(user=pending, cohort=tot, by=None)
    with pytest.raises(ValidationError):
        services.trainer_record(user=done, cohort=plain, by=None)
    with pytest.raises(ValidationError):
        services.trainer_record(user=UserFactory(), cohort=tot, by=None)
    record = services.trainer_record(user=done, cohort=tot, by=None)
    assert services.trainer_record(user=done, cohort=tot, by=None) == record
    assert Trainer.objects.count() == 1


def _cascade(course):
    """level 1 ToT → trainer → level 2 ToT → trainer → level 3 session."""
    master = UserFactory()
    level1 = services.cohort_create(
        by=None, facilitators=[master], name="L1", code="l1", course=course,
        region=make_cohort(course=course).region, start_date=DAY1, end_date=DAY3,
        is_training_of_trainers=True)
    t2 = UserFactory()
    _completed(level1, t2)
    services.trainer_record(user=t2, cohort=level1, by=None)
    level2 = services.cohort_create(by=None, facilitators=[t2], name="L2", code="l2",
                                    course=course, region=level1.region, start_date=DAY1,
                                    end_date=DAY1, is_training_of_trainers=True)
    t3 = UserFactory()
    _completed(level2, t3)
    services.trainer_record(user=t3, cohort=level2, by=None)
    level3 = services.cohort_create(by=None, facilitators=[t3], name="L3", code="l3",
                                    course=course, region=level1.region, start_date=DAY1,
                                    end_date=DAY1)
    return SimpleNamespace(master=master, t2=t2, t3=t3, level1=level1, level2=level2,
                           level3=level3)


def test_cohorts_run_by_trainers_sit_downstream(course):
    c = _cascade(course)
    assert (c.level1.level, c.level1.parent) == (1, None)
    assert (c.level2.level, c.level2.parent) == (2, c.level1)
    assert (c.level3.level, c.level3.parent) == (3, c.level2)


def test_changing_facilitators_relevels_the_subtree(course):
    c = _cascade(course)
    services.cohort_set_facilitators(cohort=c.level2, facilitators=[c.master])
    c.level2.refresh_from_db()
    c.level3.refresh_from_db()
    assert (c.level2.parent, c.level2.level, c.level3.level) == (None, 1, 2)


def test_a_cohort_never_becomes_its_own_ancestor(course):
    c = _cascade(course)
    # t2 was trained in level1: t2 running level1 must not make level1 its own ancestor
    services.cohort_set_facilitators(cohort=c.level1, facilitators=[c.t2])
    c.level1.refresh_from_db()
    assert c.level1.parent is None and c.level1.level == 1
