"""The due-date rule: 3 and 6 months after completion, on Mali's calendar (Africa/Bamako)."""

import datetime
import zoneinfo

import pytest

from django.test import override_settings

from lms.followups.rules import State, due_date, months_later, state_of
from tests.followups.factories import follow_ups_of

UTC = datetime.UTC
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(("day", "months", "expected"), [
    (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
    (datetime.date(2027, 11, 30), 3, datetime.date(2028, 2, 29)),  # leap year
    (datetime.date(2026, 8, 31), 6, datetime.date(2027, 2, 28)),
    (datetime.date(2026, 8, 31), 3, datetime.date(2026, 11, 30)),
    (datetime.date(2026, 10, 31), 3, datetime.date(2027, 1, 31)),
    (datetime.date(2026, 12, 15), 6, datetime.date(2027, 6, 15)),
    (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
])
def test_months_later_keeps_the_day_or_takes_the_month_end(day, months, expected):
    assert months_later(day, months) == expected


def test_completion_just_before_midnight_in_bamako_counts_for_that_day():
    # 23:59 on 30 November in Bamako (UTC+0 all year) is still 30 November: due 28 February.
    late = datetime.datetime(2026, 11, 30, 23, 59, tzinfo=UTC)
    assert due_date(completed_at=late, months=3) == datetime.date(2027, 2, 28)
    # One minute later it is 1 December: due 1 March.
    after = datetime.datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    assert due_date(completed_at=after, months=3) == datetime.date(2027, 3, 1)


def test_the_calendar_is_mali_s_not_the_servers_nor_the_writers():
    # 00:30 on 1 December in Paris is 23:30 on 30 November in Bamako.
    written_in_paris = datetime.datetime(2026, 12, 1, 0, 30, tzinfo=PARIS)
    assert due_date(completed_at=written_in_paris, months=3) == datetime.date(2027, 2, 28)
    assert due_date(completed_at=written_in_paris, months=6) == datetime.date(2027, 5, 30)


@override_settings(TIME_ZONE="Asia/Tokyo")
def test_scheduled_follow_ups_use_bamako_dates_whatever_the_server_zone(world):
    # 23:30 UTC on 30 November: already 1 December in Tokyo, still 30 November in Bamako.
    completed = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    followups = follow_ups_of(world["enrollments"]["kayes"], on=completed)
    assert followups[3].due_date == datetime.date(2027, 2, 28)
    assert followups[6].due_date == datetime.date(2027, 5, 30)


def test_states_around_the_due_date():
    due = datetime.date(2027, 2, 28)
    assert state_of(due=due, answered=False, today=datetime.date(2027, 2, 27)) == State.UPCOMING
    assert state_of(due=due, answered=False, today=due) == State.DUE
    assert state_of(due=due, answered=False, today=datetime.date(2027, 3, 29)) == State.DUE
    assert state_of(due=due, answered=False, today=datetime.date(2027, 3, 30)) == State.OVERDUE
    assert state_of(due=due, answered=True, today=datetime.date(2027, 3, 30)) == State.DONE
