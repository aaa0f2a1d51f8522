"""The dashboard's figures, read from the per-cohort totals (`models.CohortTotals`) of the
cohorts in the viewer's scope instead of from every enrollment.

Counts of enrollments, attendance days and score sums add up across cohorts. People are
*distinct* trainees: the totals add up to them for everyone enrolled in one cohort, and the few
enrolled in several (`models.RepeatTrainee`) are read one enrollment at a time and counted once
per group. A page builds one `DashboardFigures` and reads every panel from its three queries;
each figure equals the direct query over the enrollments (tests/reporting/test_totals_exact.py).
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple

from django.db.models import CharField, Count, F, Q, QuerySet, Sum
from django.db.models.functions import Cast, Coalesce, Substr

from lms.cohorts.models import Enrollment
from lms.followups.rules import MILESTONES

from .filters import Filters
from .models import CohortTotals, FollowUpTotals, RepeatTrainee
from .scope import certified_condition, in_scope

ADDED = ("enrolments", "active", "completed", "certified", "days_present", "days_excused",
         "days_recorded", "pre_count", "pre_sum", "post_count", "post_sum", "pairs", "gain_sum",
         "retests", "retest_post_sum", "retest_sum")
# The dimensions of a group of cohorts, and of a kind of trainee.
COHORT_KEYS = ("region", "course", "level", "month")
TRAINEE_KEYS = ("sex", "function", "org_kind")
GRAIN = CohortTotals.Grain


def _month(path: str) -> Substr:
    """"YYYY-MM" of a cohort's start (a substring of the ISO date, native on both databases)."""
    return Substr(Cast(f"{path}start_date", CharField()), 1, 7)


def _root(path: str) -> Coalesce:
    """The top of the cascade above the cohort at `path` (`Cohort.root`, or itself)."""
    return Coalesce(F(f"{path}root_id"), F(f"{path}id"))


def _in_scope(totals: QuerySet, *, user, filters: Filters) -> QuerySet:
    """`totals` (of any per-cohort totals model) of the cohorts in scope, and of the
    organisation type filtered on (the totals carry it; the cohorts do not)."""
    totals = totals.filter(in_scope(user=user, filters=replace(filters, org_kind=None)))
    if filters.org_kind:
        totals = totals.filter(org_kind=filters.org_kind)
    return totals.order_by()


def totals_in_scope(*, user, filters: Filters,
                    by_trainee_kind: bool = False) -> QuerySet[CohortTotals]:
    """The totals rows behind `scope.enrollments_in_scope(user, filters)`: one per cohort, or
    one per cohort and organisation type under that filter, or (`by_trainee_kind`) one per
    cohort and kind of trainee."""
    grain = GRAIN.TRAINEE_KIND if by_trainee_kind else (
        GRAIN.ORG_KIND if filters.org_kind else GRAIN.COHORT)
    return _in_scope(CohortTotals.objects.filter(grain=grain), user=user, filters=filters)


def followup_totals_in_scope(*, user, filters: Filters) -> QuerySet[FollowUpTotals]:
    """The follow-up totals behind the follow-ups of `scope.enrollments_in_scope(user,
    filters)`."""
    return _in_scope(FollowUpTotals.objects.all(), user=user, filters=filters)


def overcount(pairs: Iterable[tuple[Hashable, int]]) -> dict:
    """Per group, how many of the `(group, trainee)` pairs repeat a trainee already counted in
    that group: what totals summed over the group count beyond its distinct people."""
    extra: dict = defaultdict(int)
    for (group, _trainee), entries in Counter(pairs).items():
        if entries > 1:
            extra[group] += entries - 1
    return extra


class Repeat(NamedTuple):
    """One enrollment of a trainee enrolled in several cohorts, with what groups it (a named
    tuple: tens of thousands are built per page when many people are in several cohorts)."""

    trainee: int
    active: bool
    completed: bool
    certified: bool
    region: str
    course: str
    level: int
    month: str
    root: int
    sex: str
    function: str
    org_kind: str | None
    cohort: int


MEASURES: dict[str, Callable[[Repeat], bool]] = {
    "active": lambda r: r.active, "completed": lambda r: r.completed,
    "certified": lambda r: r.certified,
}


class DashboardFigures:
    """Every figure of one viewer's dashboard under one set of filters."""

    def __init__(self, *, user, filters: Filters) -> None:
        self.user, self.filters = user, filters
        self.totals = totals_in_scope(user=user, filters=filters)

    # The three queries ---------------------------------------------------------------------
    @cached_property
    def by_cohort_group(self) -> list[dict]:
        """Sums per region x course x level x month (a cohort is in exactly one group, so the
        distinct cohorts add up too)."""
        return list(self.totals.values(
            region=F("cohort__region__name"), course=F("cohort__course__code"),
            level=F("cohort__level"), month=_month("cohort__"),
        ).annotate(cohorts=Count("cohort", distinct=True),
                   **{name: Sum(name) for name in ADDED}))

    @cached_property
    def by_trainee_kind(self) -> list[dict]:
        totals = totals_in_scope(user=self.user, filters=self.filters, by_trainee_kind=True)
        return list(totals.values(*TRAINEE_KEYS).annotate(
            active=Sum("active"), certified=Sum("certified")))

    @cached_property
    def repeats(self) -> list[Repeat]:
        enrollments = Enrollment.objects.filter(
            in_scope(user=self.user, filters=replace(self.filters, org_kind=None)),
            trainee__in=RepeatTrainee.objects.values("trainee_id"))
        if self.filters.org_kind:
            enrollments = enrollments.filter(trainee__organisation__kind=self.filters.org_kind)
        rows = enrollments.order_by().annotate(is_certified=certified_condition()).values_list(
            "trainee_id", "status", "is_certified", "cohort__region__name",
            "cohort__course__code", "cohort__level", _month("cohort__"), _root("cohort__"),
            "trainee__sex", "trainee__function", "trainee__organisation__kind", "cohort_id")
        withdrawn, completed = Enrollment.Status.WITHDRAWN, Enrollment.Status.COMPLETED
        return [
            Repeat(row[0], row[1] != withdrawn, row[1] == completed, bool(row[2]), *row[3:])
            for row in rows
        ]

    # Helpers -------------------------------------------------------------------------------
    @cached_property
    def multiple(self) -> dict[str, list[list[Repeat]]]:
        """Per measure, the enrollments counting for it of each trainee with more than one
        in scope: only they can be counted twice in a group (most have exactly two)."""
        per_trainee: dict[int, list[Repeat]] = defaultdict(list)
        for row in self.repeats:
            per_trainee[row.trainee].append(row)
        several = [entries for entries in per_trainee.values() if len(entries) > 1]
        multiple: dict[str, list[list[Repeat]]] = {}
        for name, test in MEASURES.items():
            multiple[name] = []
            for entries in several:
                counted = [row for row in entries if test(row)]
                if len(counted) > 1:
                    multiple[name].append(counted)
        return multiple

    def _overcount(self, keys: tuple[str, ...], measure: str,
                   where: Callable[[Repeat], bool] | None = None) -> dict:
        """Per group of `keys`, how many enrollments of repeat trainees (those for which
        `where` holds) the summed totals count beyond the distinct trainees: one pass over
        the trainees with several such enrollments, comparing their groups."""
        value = attrgetter(*keys) if keys else (lambda row: ())
        group = (lambda found: (found,)) if len(keys) == 1 else (lambda found: found)
        extra: dict = defaultdict(int)
        for entries in self.multiple[measure]:
            if where is not None:
                entries = [row for row in entries if where(row)]
            if len(entries) == 2:
                first = value(entries[0])
                if first == value(entries[1]):
                    extra[group(first)] += 1
            elif len(entries) > 2:
                for found, more in overcount((value(row), row.trainee) for row in entries).items():
                    extra[group(found)] += more
        return extra

    def _people(self, rows: Iterable[dict], keys: tuple[str, ...],
                measures: tuple[str, ...] = ("active", "certified")) -> dict[tuple, dict]:
        """Sum `rows` per `keys`, then make the people counts distinct."""
        grouped: dict[tuple, dict] = {}
        for row in rows:
            group = grouped.setdefault(tuple(row[k] for k in keys), defaultdict(int))
            for name, value in row.items():
                if name not in COHORT_KEYS + TRAINEE_KEYS:
                    group[name] += value or 0
        for measure in measures:
            fix = self._overcount(keys, measure)
            for group, extra in fix.items():
                grouped[group][measure] -= extra
        return grouped

    # Figures -------------------------------------------------------------------------------
    def headline(self) -> dict:
        total = self._people(self.by_cohort_group, (),
                             ("active", "completed", "certified")).get((), defaultdict(int))
        return {"people": total["active"], "completed": total["completed"],
                "enrolments": self._enrolments()["active"], "cohorts": total["cohorts"],
                "certified": total["certified"], **self.attendance_rate()}

    def _enrolments(self) -> dict:
        total: dict = defaultdict(int)
        for row in self.by_cohort_group:
            for name in (*ADDED, "cohorts"):
                total[name] += row[name] or 0
        return total

    def attendance_rate(self) -> dict:
        total = self._enrolments()
        counted = total["days_recorded"] - total["days_excused"]
        rate = 100 * total["days_present"] / counted if counted > 0 else None
        return {"attendance_rate": round(rate, 1) if rate is not None else None}

    def knowledge_gain(self) -> dict:
        total = self._enrolments()

        def mean(value, count) -> Decimal | None:
            if not count:
                return None
            return (Decimal(value) / count).quantize(Decimal("0.1"))

        return {"pre": mean(total["pre_sum"], total["pre_count"]),
                "post": mean(total["post_sum"], total["post_count"]),
                "gain": mean(total["gain_sum"], total["pairs"]), "pairs": total["pairs"]}

    def retention(self) -> dict:
        """Sums behind knowledge kept (`followups.indicators.retention`): the enrollments
        with a post-test and a retention re-test, and both scores' sums over them."""
        total = self._enrolments()
        return {"pairs": total["retests"], "post_sum": total["retest_post_sum"],
                "retest_sum": total["retest_sum"]}

    def followups(self, *, today: datetime.date) -> dict:
        """Follow-ups due by `today` and answered, per milestone (`followups.indicators.
        done_counts`'s names), in one query."""
        due = Q(due_date__lte=today)
        return followup_totals_in_scope(user=self.user, filters=self.filters).aggregate(
            **{f"due_{m}": Coalesce(Sum("followups", filter=due & Q(months=m)), 0)
               for m in MILESTONES},
            **{f"done_{m}": Coalesce(Sum("answered", filter=due & Q(months=m)), 0)
               for m in MILESTONES},
            trained_others=Coalesce(Sum("trained_others", filter=due), 0))

    def breakdown(self, dimension: str) -> list[dict]:
        """`{"value", "people", "certified"}` per value of one dimension, largest first."""
        rows = self.by_trainee_kind if dimension in TRAINEE_KEYS else self.by_cohort_group
        grouped = self._people(rows, (dimension,))
        result = [{"value": key[0], "people": group["active"], "certified": group["certified"]}
                  for key, group in grouped.items()]
        return sorted(result, key=lambda row: (-row["people"], row["value"] is None,
                                               row["value"] or ""))

    def reach_by_level(self) -> dict[int, dict]:
        """`{level: {"people", "cohorts"}}` for the levels with enrollments."""
        grouped = self._people(self.by_cohort_group, ("level",), ("active",))
        return {key[0]: {"people": group["active"], "cohorts": group["cohorts"]}
                for key, group in grouped.items()}

    def timeline(self) -> list[dict]:
        grouped = self._people(self.by_cohort_group, ("month",), ("active",))
        return [{"month": key[0], "cohorts": group["cohorts"], "people": group["active"]}
                for key, group in sorted(grouped.items())]

    def reach_per_root(self) -> dict[int, dict]:
        """People reached in the level-1 cohort itself (`direct`) and downstream of it, per
        level-1 cohort with enrollments in scope."""
        level1 = Q(cohort__level=1)
        rows = self.totals.values(root=_root("cohort__")).annotate(
            direct=Sum("active", filter=level1), downstream=Sum("active", filter=~level1))
        per_root = {row["root"]: {"direct": row["direct"] or 0,
                                  "downstream": row["downstream"] or 0} for row in rows}
        for name, test in (("direct", lambda r: r.level == 1),
                           ("downstream", lambda r: r.level != 1)):
            for (root,), extra in self._overcount(("root",), "active", where=test).items():
                per_root[root][name] -= extra
        return per_root
