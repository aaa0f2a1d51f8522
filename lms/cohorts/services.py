"""Cohort rules: enrolment, attendance, completion, the cascade. (Owned by the cohorts work.)"""

from .models import Enrollment


def completion_evaluate(*, enrollment: Enrollment) -> bool:
    """Apply the course's completion rule to one enrollment; mark it completed and ask for a
    certificate when newly met. Returns whether the enrollment is complete. Placeholder until
    the cohorts issue lands: attendance + post-test rule."""
    raise NotImplementedError


def completion_evaluate_for(*, user, course) -> list[Enrollment]:
    """Re-evaluate every enrollment of `user` in cohorts of `course` (e.g. after a post-test)."""
    raise NotImplementedError
