"""The indicator report donors ask for: sections of figures, each in total and disaggregated
by sex, age band, region, organisation type, cascade level and disability, over a period and
the dashboard's filters, scoped per role like the dashboard.

**Sections are plugged in, not written into the page.** A section provider is a function
`provider(report: Report) -> Section | None` (None: nothing to show); the page, its print
layout and the API render whatever `SECTION_PROVIDERS` lists, in that order. To add one
(e.g. follow-ups), write a provider that reads through your app's selectors over
`report.enrollments` (or `report.cohorts`) and append it to `SECTION_PROVIDERS`; use
`dimension_expression(key, person=..., cohort=...)` to group by the report's dimensions, or
fill `rows` only for the dimensions your figures have (the page says "not available" for the
others). Every figure is computed in the database: a GROUP BY per dimension, or one GROUP BY
over all of them whose additive sums are rolled up here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.demographics import (
    AgeBand,
    Disability,
    age_band_expression,
    disability_expression,
)
from lms.accounts.models import User
from lms.cohorts.models import Cohort, Enrollment
from lms.evaluations.selectors import REACTIONS, SATISFIED_FROM
from lms.evaluations.selectors import summary as reaction_summary
from lms.followups.rules import mali_today
from lms.organisations.models import Organisation
from lms.quizzes.selectors import enrollments_with_retention, enrollments_with_scores

from . import followups
from .filters import Filters
from .scope import certified_condition, cohorts_in_scope, enrollments_in_scope

PEOPLE = Count("trainee", distinct=True, filter=Enrollment.active_q())
COMPLETED = Count("trainee", distinct=True, filter=Q(status=Enrollment.Status.COMPLETED))


@dataclass(frozen=True)
class ReportDimension:
    key: str
    label: str
    choices: dict | None = None


DIMENSIONS = {
    dim.key: dim for dim in [
        ReportDimension("sex", _("Sex"), dict(User.Sex.choices)),
        ReportDimension("age_band", _("Age band"), dict(AgeBand.choices)),
        ReportDimension("region", _("Region")),
        ReportDimension("org_kind", _("Organisation type"), dict(Organisation.Kind.choices)),
        ReportDimension("level", _("Cascade level")),
        ReportDimension("disability", _("Disability (Washington Group)"),
                        dict(Disability.choices)),
    ]
}


def dimension_expression(key: str, *, person: str = "trainee__", cohort: str = "cohort__"):
    """The value a row is grouped by for dimension `key`, from a model that reaches the person
    at `person` and the cohort at `cohort` (the age band is the age during the cohort's start
    year)."""
    return {
        "sex": lambda: F(f"{person}sex"),
        "age_band": lambda: age_band_expression(birth_year=f"{person}birth_year",
                                                year=ExtractYear(f"{cohort}start_date")),
        "region": lambda: F(f"{cohort}region__name"),
        "org_kind": lambda: F(f"{person}organisation__kind"),
        "level": lambda: F(f"{cohort}level"),
        "disability": lambda: disability_expression(prefix=person),
    }[key]()


def value_label(key: str, value) -> str:
    if value in (None, ""):
        return str(_("Not recorded"))
    choices = DIMENSIONS[key].choices
    return str(choices.get(value, value)) if choices else str(value)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # count, percent, score (1 to 5), points (test scores, %)


@dataclass
class Section:
    key: str
    title: str
    columns: list[Column]
    total: dict
    rows: dict[str, list[dict]] = field(default_factory=dict)  # dimension -> rows
    note: str = ""


@dataclass
class Report:
    user: object
    filters: Filters
    enrollments: QuerySet[Enrollment]
    cohorts: QuerySet[Cohort]


SectionProvider = Callable[[Report], Section | None]


def _ordered(key: str, rows: list[dict]) -> list[dict]:
    order = list(DIMENSIONS[key].choices or {})
    return sorted(rows, key=lambda row: (
        row["value"] in (None, ""),
        order.index(row["value"]) if row["value"] in order else 0,
        str(row["value"])))


def _rolled(groups: list[dict], key: str, finish: Callable[[dict], dict]) -> list[dict]:
    """Add up the additive sums of `groups` (one GROUP BY over every dimension) per value of
    one dimension, then `finish` each (means from sums and counts)."""
    totals: dict = {}
    for group in groups:
        bucket = totals.setdefault(group[f"d_{key}"], {})
        for name, value in group.items():
            if not name.startswith("d_"):
                bucket[name] = bucket.get(name, 0) + (value or 0)
    rows = [{"value": value, "label": value_label(key, value), **finish(sums)}
            for value, sums in totals.items()]
    return _ordered(key, rows)


def _all_dimensions(queryset: QuerySet, sums: dict, **paths) -> list[dict]:
    annotated = queryset.annotate(**{f"d_{key}": dimension_expression(key, **paths)
                                     for key in DIMENSIONS})
    return list(annotated.values(*[f"d_{key}" for key in DIMENSIONS]).annotate(**sums)
                .order_by())


def _mean(total, count) -> float | None:
    return float(total) / count if count else None


# Providers -------------------------------------------------------------------------------

def reach_section(report: Report) -> Section:
    """Trained (people reached), completed and certified: distinct trainees, one GROUP BY per
    dimension (a person in cohorts of two levels counts once in each)."""
    figures = {"people": PEOPLE, "completed": COMPLETED,
               "certified": Count("trainee", distinct=True, filter=Q(certified_condition()))}
    rows = {}
    for key in DIMENSIONS:
        grouped = (report.enrollments.values(value=dimension_expression(key))
                   .annotate(**figures).order_by())
        rows[key] = _ordered(key, [{**row, "label": value_label(key, row["value"])}
                                   for row in grouped])
    return Section("reach", _("Trained, completed, certified"), [
        Column("people", _("Trained")), Column("completed", _("Completed")),
        Column("certified", _("Certified"))],
        total=report.enrollments.aggregate(**figures), rows=rows)


def learning_section(report: Report) -> Section:
    """Knowledge gain (first pre-test, best post-test), in one GROUP BY over every dimension."""
    scored = enrollments_with_scores(enrollments=report.enrollments)
    sums = {"pre_sum": Sum("pre_score"), "pre_n": Count("pre_score"),
            "post_sum": Sum("post_score"), "post_n": Count("post_score"),
            "gain_sum": Sum("gain"), "gain_n": Count("gain")}
    groups = _all_dimensions(scored, sums)

    def finish(s: dict) -> dict:
        return {"pre": _mean(s["pre_sum"], s["pre_n"]), "post": _mean(s["post_sum"], s["post_n"]),
                "gain": _mean(s["gain_sum"], s["gain_n"]), "pairs": s["gain_n"]}

    total = finish({name: sum(g[name] or 0 for g in groups) for name in sums})
    return Section("learning", _("Knowledge gain"), [
        Column("pre", _("Pre-test (%)"), "points"), Column("post", _("Post-test (%)"), "points"),
        Column("gain", _("Gain (points)"), "points"), Column("pairs", _("Trainees who sat both"))],
        total=total, rows={key: _rolled(groups, key, finish) for key in DIMENSIONS})


def reaction_responses(report: Report):
    from lms.evaluations.models import Response

    responses = Response.objects.filter(cohort__in=report.cohorts)
    if report.filters.org_kind:
        responses = responses.filter(trainee__organisation__kind=report.filters.org_kind)
    return responses


def reaction_section(report: Report) -> Section:
    """Reaction (level 1): answers, mean agreement (1 to 5) and the share satisfied. An
    anonymous answer has no person: it counts under "Not recorded" for sex, age band,
    organisation type and disability."""
    responses = reaction_responses(report)
    sums = {"n": Count("pk"), "score_sum": Sum("score"), "score_n": Count("score"),
            "satisfied": Count("pk", filter=Q(score__gte=SATISFIED_FROM))}
    groups = _all_dimensions(responses, sums)

    def finish(s: dict) -> dict:
        return {"responses": s["n"], "score": _mean(s["score_sum"], s["score_n"]),
                "satisfied": 100 * s["satisfied"] / s["n"] if s["n"] else None}

    total = finish({name: sum(g[name] or 0 for g in groups) for name in sums})
    return Section("reaction", _("Reaction (end-of-training evaluation)"), [
        Column("responses", _("Answers")), Column("score", _("Score (1 to 5)"), "score"),
        Column("satisfied", _("Satisfied (%)"), "percent")],
        total=total, rows={key: _rolled(groups, key, finish) for key in DIMENSIONS},
        note=str(_("Anonymous answers count under “Not recorded” for the person's sex, age "
                   "band, organisation type and disability.")))


FOLLOWUP_PATHS = {"person": "enrollment__trainee__", "cohort": "enrollment__cohort__"}


def _retention_finish(s: dict) -> dict:
    post = _mean(s["post_sum"], s["pairs"])
    retest = _mean(s["retest_sum"], s["pairs"])
    return {"pairs": s["pairs"], "post": post, "retest": retest,
            "retention": 100 * retest / post if post and retest is not None else None}


def followups_section(report: Report) -> Section:
    """Follow-ups at 3 and 6 months (lms/followups/indicators.py): share done (all, at 3 and at
    6 months), share of answers saying the person trained others, and knowledge retention
    (mean re-test / mean post-test of the trainees who sat both). Two GROUP BYs over every
    dimension (follow-ups, then the retention pairs), rolled up here."""
    counts = followups.indicators.done_counts(mali_today())
    done_groups = _all_dimensions(followups.indicators.followups_of(report.enrollments), counts,
                                  **FOLLOWUP_PATHS)
    scored = (enrollments_with_retention(enrollments=report.enrollments)
              .filter(post_score__isnull=False, retest_score__isnull=False))
    kept_groups = _all_dimensions(scored, {"post_sum": Sum("post_score"),
                                           "retest_sum": Sum("retest_score"), "pairs": Count("pk")})

    def done_finish(s: dict) -> dict:
        return followups.indicators.done_row({name: s.get(name, 0) for name in counts})

    def total(groups: list[dict], names) -> dict:
        return {name: sum(g[name] or 0 for g in groups) for name in names}

    rows = {}
    for key in DIMENSIONS:
        kept = {row["value"]: row for row in _rolled(kept_groups, key, _retention_finish)}
        rows[key] = [{**row, "retention": kept.get(row["value"], {}).get("retention"),
                      "pairs": kept.get(row["value"], {}).get("pairs", 0)}
                     for row in _rolled(done_groups, key, done_finish)]
    kept_total = _retention_finish(total(kept_groups, ("post_sum", "retest_sum", "pairs")))
    return Section("followups", _("Follow-ups at 3 and 6 months"), [
        Column("due", _("Due")), Column("done", _("Done")),
        Column("done_share", _("Done (%)"), "percent"),
        Column("done_share_3", _("Done at 3 months (%)"), "percent"),
        Column("done_share_6", _("Done at 6 months (%)"), "percent"),
        Column("trained_others_share", _("Trained others (%)"), "percent"),
        Column("retention", _("Knowledge retained (%)"), "percent"),
        Column("pairs", _("Trainees re-tested"))],
        total={**done_finish(total(done_groups, counts)),
               "retention": kept_total["retention"], "pairs": kept_total["pairs"]},
        rows=rows,
        note=str(_("A follow-up counts once its due date has come. Retention: the mean "
                   "re-test score over the mean post-test score of the trainees who sat "
                   "both.")))


def practices_section(report: Report) -> Section | None:
    """Share of the answered follow-ups naming each practice (a column per practice): the
    answered follow-ups, and the practices they name, each in one GROUP BY over every
    dimension."""
    from lms.followups.models import FollowUp, Practice

    answered = followups.indicators.followups_of(report.enrollments).filter(
        answered_at__isnull=False)
    bases = _all_dimensions(answered, {"n": Count("pk")}, **FOLLOWUP_PATHS)
    dims = [f"d_{key}" for key in DIMENSIONS]
    named = list(FollowUp.practices.through.objects.filter(followup__in=answered.values("pk"))
                 .annotate(**{f"d_{key}": dimension_expression(
                     key, person="followup__enrollment__trainee__",
                     cohort="followup__enrollment__cohort__") for key in DIMENSIONS})
                 .values("practice_id", *dims).annotate(n=Count("followup_id")).order_by())
    practices = list(Practice.objects.filter(
        Q(active=True) | Q(pk__in={row["practice_id"] for row in named})))
    if not practices:
        return None
    codes = {practice.pk: practice.code for practice in practices}
    groups = [{**{d: base[d] for d in dims}, "answered": base["n"]} for base in bases]
    index = {tuple(group[d] for d in dims): group for group in groups}
    for row in named:
        group = index.get(tuple(row[d] for d in dims))
        if group is not None and row["practice_id"] in codes:
            group[codes[row["practice_id"]]] = row["n"]

    def finish(s: dict) -> dict:
        base = s.get("answered", 0)
        return {code: (100 * s.get(code, 0) / base if base else None)
                for code in codes.values()}

    totals: dict = {}
    for group in groups:
        for name, value in group.items():
            if not name.startswith("d_"):
                totals[name] = totals.get(name, 0) + (value or 0)
    return Section("practices", _("Practices applied (share of follow-ups answered)"),
                   [Column(p.code, p.label, "percent") for p in practices],
                   total=finish(totals),
                   rows={key: _rolled(groups, key, finish) for key in DIMENSIONS})


SECTION_PROVIDERS: list[SectionProvider] = [
    reach_section, learning_section, reaction_section, followups_section, practices_section,
]


def indicator_report(*, user, filters: Filters,
                     providers: list[SectionProvider] | None = None) -> list[Section]:
    report = Report(user=user, filters=filters,
                    enrollments=enrollments_in_scope(user=user, filters=filters),
                    cohorts=cohorts_in_scope(user=user, filters=filters))
    sections = [provider(report) for provider in (providers or SECTION_PROVIDERS)]
    return [section for section in sections if section is not None]


def reaction_panel(*, user, filters: Filters, request=None) -> dict:
    """The dashboard's compact reaction panel: one query, then cached per viewer and filters
    until the next answer is recorded (`evaluations.selectors.REACTIONS`), and at most an
    hour behind a change of the viewer's scope."""
    def compute() -> dict:
        report = Report(user=user, filters=filters, enrollments=Enrollment.objects.none(),
                        cohorts=cohorts_in_scope(user=user, filters=filters))
        return reaction_summary(responses=reaction_responses(report))

    hour = timezone.now().strftime("%Y%m%d%H")
    return REACTIONS.cached(request, "dashboard-panel",
                            (user.pk, hour, sorted(filters.as_query().items())), compute)
