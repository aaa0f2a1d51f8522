"""Builders for follow-up tests: a completed enrollment and its follow-ups."""

import datetime

from django.utils import timezone

from lms.cohorts.models import Enrollment
from lms.followups.models import FollowUp
from lms.followups.services import followups_schedule


def complete(enrollment: Enrollment, *, on: datetime.datetime | None = None) -> Enrollment:
    """Mark completed at `on` (a bare write: the completion rule is not what is tested)."""
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.completed_at = on or timezone.now()
    enrollment.save(update_fields=["status", "completed_at"])
    return enrollment


def follow_ups_of(enrollment: Enrollment, *, on: datetime.datetime | None = None
                  ) -> dict[int, FollowUp]:
    complete(enrollment, on=on)
    followups_schedule(enrollments=[enrollment])
    return {f.months: f for f in FollowUp.objects.filter(enrollment=enrollment)}
