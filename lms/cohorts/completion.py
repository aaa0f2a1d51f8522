"""What the completion rule looks at, part by part (built by `services.completion_checklist`)."""

import math
import uuid
from dataclasses import dataclass

from wagtail.models import Page

from curriculum.services import CourseProgress
from lms.core import prepared

from .models import Cohort, Enrollment
from .selectors import AttendanceRate


@dataclass(frozen=True)
class CompletionChecklist:
    """Where a trainee stands against each part of their course's completion rule: what the
    rule decides on, and what their pages show them ("what is left for my certificate")."""

    enrollment: Enrollment
    attendance: AttendanceRate
    days_to_come: int
    min_attendance: int
    modules_required: bool
    modules: CourseProgress | None  # only looked up when the course requires its modules
    post_test_required: bool
    post_test_passed: bool

    @property
    def days_needed(self) -> int:
        """Present days the rule asks for (out of the days that count)."""
        return math.ceil(self.min_attendance * self.attendance.counted_days / 100)

    @property
    def attendance_met(self) -> bool:
        if self.attendance.counted_days <= 0:
            return self.min_attendance <= 0
        return self.attendance.percent >= self.min_attendance

    @property
    def modules_met(self) -> bool:
        if not self.modules_required:
            return True
        return self.modules is not None and self.modules.completed >= self.modules.total

    @property
    def post_test_met(self) -> bool:
        return not self.post_test_required or self.post_test_passed

    @property
    def met(self) -> bool:
        return self.attendance_met and self.modules_met and self.post_test_met


def _open_enrollments_sql(using: str, *, in_course: bool) -> str:
    def col(model: type, name: str, alias: str) -> str:
        return prepared.column(model, name, alias, using)

    course = (f"INNER JOIN {prepared.table(Page, 'p', using)} ON "
              f"{col(Cohort, 'course', 'c')} = {col(Page, 'id', 'p')} ") if in_course else ""
    return (
        f"SELECT {prepared.columns(Enrollment, 'e', using)}, "
        f"{prepared.columns(Cohort, 'c', using)} "
        f"FROM {prepared.table(Enrollment, 'e', using)} "
        f"INNER JOIN {prepared.table(Cohort, 'c', using)} ON "
        f"{col(Enrollment, 'cohort', 'e')} = {col(Cohort, 'id', 'c')} {course}"
        f"WHERE {col(Enrollment, 'trainee', 'e')} = %s AND {col(Enrollment, 'status', 'e')} = %s"
        + (f" AND {col(Page, 'translation_key', 'p')} = %s" if in_course else "")
        + f" ORDER BY {col(Cohort, 'start_date', 'c')} ASC, {col(Enrollment, 'id', 'e')} ASC"
    )


_in_any_course = prepared.statement(lambda using: _open_enrollments_sql(using, in_course=False))
_in_one_course = prepared.statement(lambda using: _open_enrollments_sql(using, in_course=True))


def open_enrollments(*, user, course_key: uuid.UUID | None = None) -> list[Enrollment]:
    """`user`'s enrollments neither completed nor withdrawn, with their cohorts, oldest
    cohort first (in the cohorts of the course whose translations share `course_key`, when
    given): what the trainee's pages list as "what is left for your certificate". One
    prepared statement (`lms/core/prepared.py`), the same rows as
    `Enrollment.objects.filter(trainee=user, status=ENROLLED).select_related("cohort")
    .order_by("cohort__start_date", "pk")`, read on every course page."""
    params: list = [user.pk, Enrollment.Status.ENROLLED.value]
    if course_key is None:
        sql = _in_any_course()
    else:
        sql = _in_one_course()
        params.append(prepared.db_value(Page, "translation_key", course_key))
    enrollments = []
    for enrollment, cohort in prepared.fetch_models(sql, params, [Enrollment, Cohort]):
        enrollment.cohort = cohort
        enrollment.trainee = user
        enrollments.append(enrollment)
    return enrollments
