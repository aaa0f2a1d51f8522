"""The follow-up indicators donors report, over a set of enrollments the caller scoped (the
dashboard and the API pass `reporting.scope.enrollments_in_scope(user, filters)`; see
`lms/reporting/followups.py`). Each function is one GROUP BY, whatever the data's size.

- share of follow-ups done: answered / due (a follow-up counts once its due date has come);
- share applying each practice: answered follow-ups naming the practice / answered ones;
- retention: the mean retention re-test score against the mean post-test score of the same
  trainees (only those who sat both), as a percentage.

Each may be disaggregated by one of `DIMENSIONS` (sex, age band, disability, region,
organisation type, cascade level; age band and disability by the rules of
`accounts.demographics`).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Expression, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from lms.accounts.demographics import (
    AgeBand,
    Disability,
    age_band_expression,
    disability_expression,
)
from lms.accounts.models import User
from lms.cohorts.models import Enrollment
from lms.organisations.models import Organisation
from lms.quizzes.selectors import enrollments_with_retention

from .models import FollowUp, Practice
from .rules import mali_today


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    field: str  # from Enrollment, or the name of an expression (`expression`)
    choices: dict | None = None
    expression: Callable[[str], Expression] | None = None  # given the path to the enrollment

    def value(self, path: str = "") -> Expression:
        """What to group by, from a model at `path` from Enrollment ("enrollment__" from a
        follow-up, "" from the enrollment itself)."""
        if self.expression is not None:
            return self.expression(path)
        return F(f"{path}{self.field}")


def _age_band(path: str) -> Expression:
    # The age reached the year the cohort started, as the roster exports compute it.
    return age_band_expression(birth_year=f"{path}trainee__birth_year",
                               year=ExtractYear(f"{path}cohort__start_date"))


def _disability(path: str) -> Expression:
    return disability_expression(prefix=f"{path}trainee__")


DIMENSIONS = {
    "sex": Dimension("sex", _("Sex"), "trainee__sex", dict(User.Sex.choices)),
    "age_band": Dimension("age_band", _("Age band"), "age_band", dict(AgeBand.choices),
                          expression=_age_band),
    "disability": Dimension("disability", _("Disability"), "disability",
                            dict(Disability.choices), expression=_disability),
    "region": Dimension("region", _("Region"), "cohort__region__name"),
    "org_kind": Dimension("org_kind", _("Organisation type"), "trainee__organisation__kind",
                          dict(Organisation.Kind.choices)),
    "level": Dimension("level", _("Cascade level"), "cohort__level"),
}


def _label(dimension: Dimension, value) -> str:
    if value in (None, ""):
        return str(_("Not recorded"))
    return str((dimension.choices or {}).get(value, value))


def _percent(part: int | float | None, whole: int | float | None) -> float | None:
    return round(100 * part / whole, 1) if part is not None and whole else None


def followups_of(enrollments: QuerySet[Enrollment]) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(enrollment__in=enrollments.values("pk"))


def done_counts(today: datetime.date) -> dict:
    due = Q(due_date__lte=today)
    done = due & Q(answered_at__isnull=False)
    return {
        "due_3": Count("pk", filter=due & Q(months=3)),
        "done_3": Count("pk", filter=done & Q(months=3)),
        "due_6": Count("pk", filter=due & Q(months=6)),
        "done_6": Count("pk", filter=done & Q(months=6)),
        "trained_others": Count("pk", filter=done & Q(trained_others=True)),
    }


def done_row(counts: dict) -> dict:
    due, done = counts["due_3"] + counts["due_6"], counts["done_3"] + counts["done_6"]
    return {"due": due, "done": done, "done_share": _percent(done, due),
            "done_share_3": _percent(counts["done_3"], counts["due_3"]),
            "done_share_6": _percent(counts["done_6"], counts["due_6"]),
            "trained_others_share": _percent(counts["trained_others"], done)}


def followups_done(*, enrollments: QuerySet[Enrollment], today: datetime.date | None = None,
                   dimension: str | None = None) -> dict | list[dict]:
    """Follow-ups due and done (both milestones, and each), the share done, and the share of
    answers saying the person trained others. One row per value of `dimension`, or a total."""
    aggregates = done_counts(today or mali_today())
    followups = followups_of(enrollments)
    if dimension is None:
        return done_row(followups.aggregate(**aggregates))
    dim = DIMENSIONS[dimension]
    rows = (followups.values(value=dim.value("enrollment__")).annotate(**aggregates)
            .order_by("value"))
    return [{"value": row["value"], "label": _label(dim, row["value"]), **done_row(row)}
            for row in rows]


def practices_applied(*, enrollments: QuerySet[Enrollment],
                      dimension: str | None = None) -> list[dict]:
    """For each practice (those still asked, and any named in an answer): how many answered
    follow-ups name it, out of how many answered, per value of `dimension` if given."""
    answered = followups_of(enrollments).filter(answered_at__isnull=False)
    if dimension:
        dim = DIMENSIONS[dimension]
        bases = {(row["value"],): row["n"] for row in answered.values(
            value=dim.value("enrollment__")).annotate(n=Count("pk")).order_by()}
        counts = (FollowUp.practices.through.objects.filter(followup__in=answered.values("pk"))
                  .values("practice_id", value=dim.value("followup__enrollment__"))
                  .annotate(n=Count("followup_id", distinct=True)).order_by())
        named = {(row["practice_id"], row["value"]): row["n"] for row in counts}
    else:
        total = answered.count()
        bases = {(): total} if total else {}
        counts = (FollowUp.practices.through.objects.filter(followup__in=answered.values("pk"))
                  .values("practice_id").annotate(n=Count("followup_id", distinct=True))
                  .order_by())
        named = {(row["practice_id"],): row["n"] for row in counts}
    practices = Practice.objects.filter(Q(active=True) | Q(pk__in={k[0] for k in named}))
    rows = []
    for practice in practices:
        for key, base in sorted(bases.items(), key=lambda item: str(item[0])):
            n = named.get((practice.pk, *key), 0)
            row = {"practice": practice.code, "label": practice.label, "applied": n,
                   "answered": base, "share": _percent(n, base)}
            if dimension:
                row["value"] = key[0]
                row["value_label"] = _label(DIMENSIONS[dimension], key[0])
            rows.append(row)
        if not bases and not dimension:
            rows.append({"practice": practice.code, "label": practice.label, "applied": 0,
                         "answered": 0, "share": None})
    return rows


def retention_row(sums: dict) -> dict:
    """The retention figures from sums (`pairs`, `post_sum`, `retest_sum`), as the dashboard's
    totals keep them."""
    pairs = sums["pairs"]
    return _retention_row({
        "pairs": pairs,
        "post": Decimal(sums["post_sum"]) / pairs if pairs else None,
        "retest": Decimal(sums["retest_sum"]) / pairs if pairs else None})


def _retention_row(row: dict) -> dict:
    post, retest = row["post"], row["retest"]
    return {"pairs": row["pairs"],
            "post": round(float(post), 1) if post is not None else None,
            "retest": round(float(retest), 1) if retest is not None else None,
            "retention": _percent(float(retest), float(post)) if post and retest is not None
            else None}


def retention(*, enrollments: QuerySet[Enrollment],
              dimension: str | None = None) -> dict | list[dict]:
    """Mean post-test and retention re-test scores of the trainees who sat both, and the
    retention (re-test / post-test, %). The total aggregates an inner query (see
    quizzes.selectors.gain_summary for why the DISTINCT)."""
    scored = (enrollments_with_retention(enrollments=enrollments)
              .filter(post_score__isnull=False, retest_score__isnull=False))
    aggregates = {"pairs": Count("pk"), "post": Avg("post_score"), "retest": Avg("retest_score")}
    if dimension is None:
        return _retention_row(scored.values("pk", "post_score", "retest_score").order_by()
                              .distinct().aggregate(**aggregates))
    dim = DIMENSIONS[dimension]
    rows = scored.values(value=dim.value()).annotate(**aggregates).order_by("value")
    return [{"value": row["value"], "label": _label(dim, row["value"]), **_retention_row(row)}
            for row in rows]
