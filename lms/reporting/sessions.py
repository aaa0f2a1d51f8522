"""The field workflow's figures for the dashboard and the API: sessions run per level and
region (validated, pending, sent back), active trainers per region and level, and people
reached per trainer. Each function costs at most two queries whatever the data's size (one
GROUP BY in the database), over the viewer's scope and filters like every other figure.

Only counted cohorts (`Cohort.objects.counted()`) reach a count of people or of active
trainers; the sessions table alone lists what awaits validation, so it is visible, never
counted.
"""

import datetime
from collections import defaultdict
from dataclasses import replace

from django.db.models import Count, Exists, F, FilteredRelation, Max, OuterRef, Q, Sum
from django.db.models.functions import Coalesce

from lms.accounts.models import User
from lms.cohorts.models import Cohort, Trainer
from lms.cohorts.selectors import active_session_q, active_since

from .figures import DashboardFigures, overcount
from .filters import Filters
from .models import CohortTotals
from .scope import in_scope, listed_cohorts_in_scope, narrowed_q

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
        in_scope(user=user, filters=filters),
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


def _trainers_corrections(*, runs, figures: DashboardFigures) -> dict:
    """Per trainer, how many enrollments of people enrolled in several of their cohorts the
    summed totals count beyond the distinct people. Only people with several enrollments
    reached in scope can count twice for one trainer: `figures.multiple`, already worked out
    for the page's other figures."""
    per_cohort: dict[int, list[int]] = defaultdict(list)
    for entries in figures.multiple["active"]:
        for row in entries:
            per_cohort[row.cohort].append(row.trainee)
    if not per_cohort:
        return {}
    # The scope's runs, matched here: no list of cohort ids sent to the database.
    runs = runs.order_by().values_list("user_id", "cohort_id")
    return overcount((user_id, trainee) for user_id, cohort_id in runs
                     for trainee in per_cohort.get(cohort_id, ()))


def reach_per_trainer(*, user, filters: Filters, today: datetime.date, limit: int = 20,
                      figures: DashboardFigures | None = None) -> list[dict]:
    """For each recorded trainer running counted cohorts in scope, their sessions, the
    distinct people reached in them (of the organisation type filtered on, like every other
    figure), and whether they are active; most people first (then the first recorded, so the
    order is the same on every database).

    The people are the cohorts' totals summed per trainer (one GROUP BY over the facilitator
    links, then the names of the trainers shown), less the people a trainer reached in
    several cohorts (`figures.repeats`); only trainers with such people can drop in the
    ranking, so `limit` plus their number, read in order, hold the exact first `limit`."""
    figures = figures or DashboardFigures(user=user, filters=filters)
    since = active_since(today)
    runs = RUNS.objects.filter(
        Exists(Trainer.objects.filter(user=OuterRef("user_id"))),
        in_scope(user=user, filters=replace(filters, org_kind=None)))
    corrections = _trainers_corrections(runs=runs, figures=figures)
    grain = CohortTotals.Grain.ORG_KIND if filters.org_kind else CohortTotals.Grain.COHORT
    condition = Q(cohort__totals__grain=grain)
    if filters.org_kind:
        condition &= Q(cohort__totals__org_kind=filters.org_kind)
        runs = runs.filter(narrowed_q(Filters(org_kind=filters.org_kind), "cohort"))
    rows = list(
        runs.annotate(counted=FilteredRelation("cohort__totals", condition=condition))
        .order_by().values("user_id")
        .annotate(sessions=Count("cohort", distinct=True),
                  people=Coalesce(Sum("counted__active"), 0),
                  last_end=Max("cohort__end_date"))
        .order_by("-people", "user_id")[:limit + len(corrections)]
    )
    names = {row["pk"]: row for row in User.objects.filter(
        pk__in=[row["user_id"] for row in rows]).values(
        "pk", "first_name", "last_name", "username", "region__name")}
    result = [
        {"user_id": row["user_id"],
         "name": f"{names[row['user_id']]['first_name']} "
                 f"{names[row['user_id']]['last_name']}".strip()
         or names[row["user_id"]]["username"],
         "region": names[row["user_id"]]["region__name"], "sessions": row["sessions"],
         "people": row["people"] - corrections.get(row["user_id"], 0),
         "active": since <= row["last_end"] <= today if row["last_end"] else False}
        for row in rows
    ]
    return sorted(result, key=lambda row: (-row["people"], row["user_id"]))[:limit]
