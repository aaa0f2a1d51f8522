"""The follow-up calendar, in Mali's local dates (Africa/Bamako), whatever the server's zone."""

import calendar
import datetime
import zoneinfo
from enum import StrEnum

from django.utils import timezone

MALI = zoneinfo.ZoneInfo("Africa/Bamako")
MILESTONES = (3, 6)
# A follow-up is "due" from its due date, "overdue" this many days later.
OVERDUE_AFTER_DAYS = 30
# The reminder goes this many days after the due date, if still not answered.
REMINDER_AFTER_DAYS = 14
# Never send a first notice for a follow-up due longer ago than this (a new deployment does
# not message everyone trained years ago).
NOTICE_MAX_AGE_DAYS = 60


class State(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"


def mali_today() -> datetime.date:
    return timezone.now().astimezone(MALI).date()


def months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has fewer days
    (30 November + 3 months = 28 February, or 29 in a leap year)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def completion_day(completed_at: datetime.datetime) -> datetime.date:
    """The day the trainee completed, on a calendar in Mali."""
    return completed_at.astimezone(MALI).date()


def due_date(*, completed_at: datetime.datetime, months: int) -> datetime.date:
    return months_later(completion_day(completed_at), months)


def state_of(*, due: datetime.date, answered: bool, today: datetime.date) -> State:
    if answered:
        return State.DONE
    if today < due:
        return State.UPCOMING
    if (today - due).days < OVERDUE_AFTER_DAYS:
        return State.DUE
    return State.OVERDUE
