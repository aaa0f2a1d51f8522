"""The field workflow's figures for the dashboard and the API: sessions run per level and
region (validated, pending, sent back), active trainers per region and level, and people
reached per trainer. Each function costs at most two queries whatever the data's size (one
GROUP BY in the database), over the viewer's scope and filters like every other figure.

Only counted cohorts (`Cohort.objects.counted()`) reach a count of people or of active
trainers; the sessions table alone lists what awaits validation, so it is visible, never
counted.
"""

import datetime

from django.db.models import Count, F, Max, Q

from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.selectors import active_session_q, active_since

from .filters import Filters
from .scope import cohorts_in_scope, listed_cohorts_in_scope

RUNS = Cohort.facilitators.through


def sessions_by_level_region(*, user, filters: Filters) -> list[dict]:
    """One query: `[{"level": 2, "region": "Kayes", "validated": 3, "pending": 1,
    "returned": 0}, ...]`, by level then region."""
    validation = Cohort.Validation
    rows = (
        listed_cohorts_in_scope(user=user, filters=filters).order_by()
        .values("level", "region__name")
        .annotate(validated=Count("pk", filter=Q(validation=validation.VALIDATED)),
                  pending=Count("pk", filter=Q(validation=validation.PENDING)),
                  returned=Count("pk", filter=Q(validation=validation.RETURNED)))
        .order_by("level", "region__name")
    )
    return [{"level": row["level"], "region": row["region__name"],
             "validated": row["validated"], "pending": row["pending"],
             "returned": row["returned"]} for row in rows]


def _active_runs(*, user, filters: Filters, today: datetime.date):
    return RUNS.objects.filter(
        active_session_q(today=today, path="cohort"),
        cohort__in=cohorts_in_scope(user=user, filters=filters),
        user__trainer_records__isnull=False,
    )


def active_trainers(*, user, filters: Filters, today: datetime.date) -> dict:
    """Two queries: recorded trainers who ran a validated session in the 6 months before
    `today`, per region and level of those sessions, and in all (a trainer active in two
    regions counts once in the total)."""
    runs = _active_runs(user=user, filters=filters, today=today)
    rows = list(
        runs.order_by().values(region=F("cohort__region__name"), level=F("cohort__level"))
        .annotate(trainers=Count("user", distinct=True)).order_by("level", "region")
    )
    total = runs.aggregate(n=Count("user", distinct=True))["n"]
    return {"total": total, "since": active_since(today), "rows": rows}


def reach_per_trainer(*, user, filters: Filters, today: datetime.date,
                      limit: int = 20) -> list[dict]:
    """One query: for each recorded trainer running counted cohorts in scope, their sessions,
    the distinct people reached in them, and whether they are active; most people first."""
    since = active_since(today)
    rows = (
        RUNS.objects.filter(cohort__in=cohorts_in_scope(user=user, filters=filters),
                            user__trainer_records__isnull=False)
        .order_by()
        .values("user_id", "user__first_name", "user__last_name", "user__username",
                region=F("user__region__name"))
        .annotate(sessions=Count("cohort", distinct=True),
                  people=Count("cohort__enrollments__trainee", distinct=True,
                               filter=Enrollment.active_q("cohort__enrollments")),
                  last_end=Max("cohort__end_date"))
        .order_by("-people", "user__last_name", "user_id")[:limit]
    )
    return [
        {"user_id": row["user_id"],
         "name": f"{row['user__first_name']} {row['user__last_name']}".strip()
         or row["user__username"],
         "region": row["region"], "sessions": row["sessions"], "people": row["people"],
         "active": since <= row["last_end"] <= today if row["last_end"] else False}
        for row in rows
    ]
