"""What the completion rule looks at, part by part (built by `services.completion_checklist`)."""

import math
from dataclasses import dataclass

from curriculum.services import CourseProgress

from .models import Enrollment
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
