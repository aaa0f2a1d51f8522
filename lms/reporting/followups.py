"""The follow-up indicators (lms/followups/indicators.py) over what a viewer may see, narrowed
by the dashboard's filters: the same (user, filters) entry points as `selectors`, used by the
dashboard's panel, the follow-up indicators page and the API."""

import datetime

from lms.followups import indicators
from lms.followups.rules import mali_today

from .figures import DashboardFigures
from .filters import Filters
from .scope import enrollments_in_scope

DIMENSIONS = indicators.DIMENSIONS


def followups_panel(*, user, filters: Filters, figures: DashboardFigures | None = None,
                    today: datetime.date | None = None) -> dict:
    """The dashboard's compact panel: share done and retention, in total, from the totals
    (one query, and the page's shared `figures`); equal to the indicators over
    `enrollments_in_scope` (tests/reporting/test_totals_exact.py)."""
    figures = figures or DashboardFigures(user=user, filters=filters)
    return {"done": indicators.done_row(figures.followups(today=today or mali_today())),
            "retention": indicators.retention_row(figures.retention())}


def followups_done(*, user, filters: Filters, dimension: str | None = None):
    return indicators.followups_done(
        enrollments=enrollments_in_scope(user=user, filters=filters), dimension=dimension)


def practices_applied(*, user, filters: Filters, dimension: str | None = None) -> list[dict]:
    return indicators.practices_applied(
        enrollments=enrollments_in_scope(user=user, filters=filters), dimension=dimension)


def retention(*, user, filters: Filters, dimension: str | None = None):
    return indicators.retention(
        enrollments=enrollments_in_scope(user=user, filters=filters), dimension=dimension)


def followup_indicators(*, user, filters: Filters) -> dict:
    """Everything, in total and by each dimension (the API's answer, the indicators page)."""
    answer = {"done": followups_done(user=user, filters=filters),
              "retention": retention(user=user, filters=filters),
              "practices": practices_applied(user=user, filters=filters)}
    for key in DIMENSIONS:
        answer[f"done_by_{key}"] = followups_done(user=user, filters=filters, dimension=key)
        answer[f"retention_by_{key}"] = retention(user=user, filters=filters, dimension=key)
        answer[f"practices_by_{key}"] = practices_applied(user=user, filters=filters,
                                                          dimension=key)
    return answer
