"""Region → cohort → trainee: the rows behind the dashboard's figures, scoped like them."""

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.selectors import attendance_counts, cohorts_managed_by, trainees_visible_to
from lms.quizzes.selectors import enrollments_with_scores

from .filters import Filters
from .models import CohortTotals
from .scope import certified_condition, cohorts_in_scope

TREE_LIMIT = 300


def _scores(enrollments: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
    return enrollments_with_scores(enrollments=enrollments)


def _with_attendance(enrollments: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
    """Attendance over the recorded days, as the dashboard measures it: days present over
    `days_counted` (recorded, excused left out)."""
    return enrollments.annotate(
        **attendance_counts("attendances"), is_certified=certified_condition(),
    ).annotate(days_counted=F("days_recorded") - F("days_excused"))


def cohort_for(*, user, pk: int) -> Cohort:
    return get_object_or_404(
        cohorts_managed_by(user).select_related("region", "course", "parent"), pk=pk)


def cohort_trainees(*, cohort: Cohort) -> QuerySet[Enrollment]:
    enrollments = cohort.enrollments.select_related("trainee", "trainee__organisation")
    return _scores(_with_attendance(enrollments)).order_by(
        "trainee__last_name", "trainee__first_name", "trainee__username")


def trainee_for(*, user, pk: int):
    return get_object_or_404(trainees_visible_to(user).select_related("organisation", "region"),
                             pk=pk)


def trainee_enrollments(*, user, trainee) -> QuerySet[Enrollment]:
    enrollments = Enrollment.objects.filter(
        trainee=trainee, cohort__in=cohorts_managed_by(user)
    ).select_related("cohort", "cohort__region")
    return _scores(_with_attendance(enrollments)).order_by("-cohort__start_date")


def cascade_tree(*, user, filters: Filters, limit: int = TREE_LIMIT) -> dict:
    """The cohorts in scope as a forest (downstream sessions under their upstream cohort).

    One query; at most `limit` cohorts, upper levels first, so a national page stays light.
    A cohort whose upstream cohort is out of scope becomes a root."""
    people = CohortTotals.objects.filter(grain=CohortTotals.Grain.COHORT, cohort=OuterRef("pk"))
    cohorts = list(
        cohorts_in_scope(user=user, filters=filters)
        .annotate(people=Coalesce(Subquery(people.values("active")[:1]), 0))
        .order_by("level", "start_date", "pk")
        .values("pk", "name", "code", "level", "parent_id", "region__name", "start_date",
                "people")[: limit + 1]
    )
    truncated = len(cohorts) > limit
    cohorts = cohorts[:limit]
    nodes = {c["pk"]: {**c, "children": []} for c in cohorts}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node["parent_id"])
        (parent["children"] if parent else roots).append(node)
    return {"roots": roots, "rows": _flattened(roots), "truncated": truncated, "limit": limit}


def _flattened(roots: list[dict]) -> list[dict]:
    """The forest in reading order, each node with `opens` (its children follow, in a nested
    list) and `closes` (how many nested lists end after it): the page renders it in one loop
    instead of one template include per cohort."""
    rows: list[dict] = []
    stack: list[tuple[dict, int]] = [(root, 0) for root in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        rows.append({**node, "depth": depth, "opens": bool(node["children"]), "closes": 0})
        stack.extend((child, depth + 1) for child in reversed(node["children"]))
    for row, following in zip(rows, [*rows[1:], None], strict=False):
        # After a leaf, close down to the next row's depth (to the top after the last).
        if not row["opens"]:
            row["closes"] = row["depth"] - (following["depth"] if following else 0)
    for row in rows:
        row["closes"] = range(row["closes"])
    return rows
