"""The exportable tables: each is a header row and a lazy queryset of value tuples, built on the
viewer's scope, so a page, its CSV/XLSX export and the background export show the same rows."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

from curriculum.selectors import course_titles_by_code
from lms.accounts.demographics import (
    WG_FIELDS,
    WG_QUESTIONS,
    AgeBand,
    Difficulty,
    Disability,
    age_band_expression,
    disability_expression,
)
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.cohorts.models import Attendance, Cohort, Enrollment
from lms.organisations.models import Organisation
from lms.quizzes.selectors import enrollments_with_scores

from . import selectors
from .filters import Filters
from .models import CohortTotals
from .scope import (
    certified_condition,
    cohorts_in_scope,
    enrollments_in_scope,
)


@dataclass(frozen=True)
class Table:
    """`headers` are for people (translated); `keys` name the same columns for programs (the
    "codes" option of exports). `labels` maps a column's index to a function giving, once per
    export, the {code: label} of that column's values in the active language."""

    name: str
    label: str
    headers: list
    rows: Callable[..., Iterable[tuple]]
    count: Callable[..., int]
    keys: list = field(default_factory=list)
    labels: dict[int, Callable[[], dict]] = field(default_factory=dict)


def _choices(choices) -> Callable[[], dict]:
    return lambda: {code: str(label) for code, label in choices}


def _course_titles() -> dict:
    return course_titles_by_code()


def _trainee_rows(*, user, filters: Filters) -> QuerySet:
    return (
        enrollments_in_scope(user=user, filters=filters)
        .annotate(is_certified=certified_condition(),
                  age_band=age_band_expression(birth_year="trainee__birth_year",
                                               year=ExtractYear("cohort__start_date")),
                  disability=disability_expression(prefix="trainee__"))
        .order_by("cohort__code", "trainee__username")
        .values_list(
            "trainee__username", "trainee__first_name", "trainee__last_name", "trainee__sex",
            "trainee__function", "trainee__organisation__name", "trainee__organisation__kind",
            "cohort__code", "cohort__course__code", "cohort__region__name", "cohort__level",
            "status", "completed_at", "is_certified", "trainee__birth_year", "age_band",
            "disability", *[f"trainee__{field}" for field in WG_FIELDS],
        )
    )


def _cohort_rows(*, user, filters: Filters) -> QuerySet:
    return (
        cohort_table(user=user, filters=filters)
        .values_list("code", "name", "course__code", "region__name", "level", "start_date",
                     "end_date", "status", "parent__code", "people", "completed")
    )


def cohort_table(*, user, filters: Filters) -> QuerySet[Cohort]:
    """Cohorts with their people counted the way the dashboard counts them (from the cohorts'
    totals: one enrollment per trainee and cohort, so enrollments are people)."""
    counted = Q(totals__grain=CohortTotals.Grain.ORG_KIND, totals__org_kind=filters.org_kind) \
        if filters.org_kind else Q(totals__grain=CohortTotals.Grain.COHORT)
    return (
        cohorts_in_scope(user=user, filters=filters)
        .annotate(
            people=Coalesce(Sum("totals__active", filter=counted), 0),
            completed=Coalesce(Sum("totals__completed", filter=counted), 0),
        )
        .order_by("-start_date", "code")
    )


def latest_cohorts(*, user, filters: Filters, limit: int = 20) -> QuerySet[Cohort]:
    """The `limit` latest cohorts with their counts, counting only those cohorts' rows."""
    latest = cohorts_in_scope(user=user, filters=filters).order_by("-start_date", "code")
    return cohort_table(user=user, filters=filters).filter(
        pk__in=latest.values("pk")[:limit]).select_related("region")


def _attendance_rows(*, user, filters: Filters) -> QuerySet:
    return (
        Attendance.objects.filter(enrollment__in=enrollments_in_scope(user=user, filters=filters))
        .order_by("enrollment__cohort__code", "enrollment__trainee__username", "date")
        .values_list("enrollment__cohort__code", "enrollment__trainee__username", "date",
                     "status")
    )


def _result_rows(*, user, filters: Filters) -> QuerySet:
    return (
        enrollments_with_scores(enrollments=enrollments_in_scope(user=user, filters=filters))
        .order_by("cohort__code", "trainee__username")
        .values_list("cohort__code", "trainee__username", "pre_score", "post_score", "gain")
    )


def _certificate_rows(*, user, filters: Filters) -> QuerySet:
    return (
        Certificate.objects.filter(
            enrollment__in=enrollments_in_scope(user=user, filters=filters))
        .order_by("enrollment__cohort__code", "enrollment__trainee__username", "issued_at")
        .values_list("code", "enrollment__trainee__username", "enrollment__cohort__code",
                     "status", "issued_at")
    )


def _breakdown(dimension: str) -> tuple[Callable, Callable]:
    def rows(*, user, filters: Filters) -> list[tuple]:
        return [
            (row["value"], row["people"], row["certified"])
            for row in selectors.breakdown(user=user, filters=filters, dimension=dimension)
        ]

    def count(*, user, filters: Filters) -> int:
        return len(rows(user=user, filters=filters))

    return rows, count


def _breakdown_labels(dimension: str) -> Callable[[], dict]:
    """The dashboard's labels of a breakdown's values (course titles in the reader's
    language, choices' labels, "Not recorded")."""
    def labels() -> dict:
        dim = selectors.DIMENSIONS[dimension]
        known = course_titles_by_code() if dimension == "course" else {
            code: str(label) for code, label in (dim.choices or {}).items()}
        return {None: str(_("Not recorded")), "": str(_("Not recorded")), **known}

    return labels


def _queryset_table(name, label, columns, rows) -> Table:
    """`columns`: (key, header, labels or None) per column of `rows`."""
    return Table(name, label, [header for _key, header, _labels in columns], rows,
                 lambda *, user, filters: rows(user=user, filters=filters).count(),
                 keys=[key for key, _header, _labels in columns],
                 labels={index: labels for index, (_key, _header, labels) in enumerate(columns)
                         if labels})


STATUS = {
    "enrollment": _choices(Enrollment.Status.choices),
    "cohort": _choices(Cohort.Status.choices),
    "attendance": _choices(Attendance.Status.choices),
    "certificate": _choices(Certificate.Status.choices),
}

TABLES: dict[str, Table] = {
    table.name: table
    for table in [
        _queryset_table("trainees", _("Trainees"), [
            ("username", _("Username"), None), ("first_name", _("First name"), None),
            ("last_name", _("Last name"), None), ("sex", _("Sex"), _choices(User.Sex.choices)),
            ("function", _("Function"), _choices(User.Function.choices)),
            ("organisation", _("Organisation"), None),
            ("organisation_kind", _("Organisation type"), _choices(Organisation.Kind.choices)),
            ("cohort", _("Cohort"), None), ("course", _("Course"), _course_titles),
            ("region", _("Region"), None), ("level", _("Cascade level"), None),
            ("status", _("Status"), STATUS["enrollment"]),
            ("completed_at", _("Completed at"), None), ("certified", _("Certified"), None),
            ("birth_year", _("Year of birth"), None),
            ("age_band", _("Age band"), _choices(AgeBand.choices)),
            ("disability", _("Disability (Washington Group)"), _choices(Disability.choices)),
            *[(field, label, _choices(Difficulty.choices))
              for field, label, _question in WG_QUESTIONS]],
            _trainee_rows),
        _queryset_table("cohorts", _("Cohorts"), [
            ("code", _("Code"), None), ("name", _("Name"), None),
            ("course", _("Course"), _course_titles), ("region", _("Region"), None),
            ("level", _("Cascade level"), None), ("start_date", _("Start date"), None),
            ("end_date", _("End date"), None), ("status", _("Status"), STATUS["cohort"]),
            ("parent", _("Upstream cohort"), None), ("people", _("People"), None),
            ("completed", _("Completed"), None)], _cohort_rows),
        _queryset_table("attendance", _("Attendance"), [
            ("cohort", _("Cohort"), None), ("username", _("Username"), None),
            ("date", _("Date"), None), ("status", _("Status"), STATUS["attendance"])],
            _attendance_rows),
        _queryset_table("results", _("Results"), [
            ("cohort", _("Cohort"), None), ("username", _("Username"), None),
            ("pre_score", _("Pre-test (%)"), None), ("post_score", _("Post-test (%)"), None),
            ("gain", _("Gain (points)"), None)], _result_rows),
        _queryset_table("certificates", _("Certificates"), [
            ("code", _("Code"), None), ("username", _("Username"), None),
            ("cohort", _("Cohort"), None), ("status", _("Status"), STATUS["certificate"]),
            ("issued_at", _("Issued at"), None)], _certificate_rows),
        *[
            Table(f"by_{key}", dim.label, [dim.label, _("People reached"), _("Certified")],
                  *_breakdown(key), keys=[key, "people", "certified"],
                  labels={0: _breakdown_labels(key)})
            for key, dim in selectors.DIMENSIONS.items()
        ],
    ]
}
