"""The exportable tables: each is a header row and a lazy queryset of value tuples, built on the
viewer's scope, so a page, its CSV/XLSX export and the background export show the same rows."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from lms.certificates.models import Certificate
from lms.cohorts.models import Attendance, Cohort, Enrollment
from lms.quizzes.selectors import enrollments_with_scores

from . import selectors
from .filters import Filters
from .scope import (
    certified_condition,
    cohorts_in_scope,
    enrollments_in_scope,
)


@dataclass(frozen=True)
class Table:
    name: str
    label: str
    headers: list
    rows: Callable[..., Iterable[tuple]]
    count: Callable[..., int]


def _trainee_rows(*, user, filters: Filters) -> QuerySet:
    return (
        enrollments_in_scope(user=user, filters=filters)
        .annotate(is_certified=certified_condition())
        .order_by("cohort__code", "trainee__username")
        .values_list(
            "trainee__username", "trainee__first_name", "trainee__last_name", "trainee__sex",
            "trainee__function", "trainee__organisation__name", "trainee__organisation__kind",
            "cohort__code", "cohort__course__code", "cohort__region__name", "cohort__level",
            "status", "completed_at", "is_certified",
        )
    )


def _cohort_rows(*, user, filters: Filters) -> QuerySet:
    return (
        cohort_table(user=user, filters=filters)
        .values_list("code", "name", "course__code", "region__name", "level", "start_date",
                     "end_date", "status", "parent__code", "people", "completed")
    )


def cohort_table(*, user, filters: Filters) -> QuerySet[Cohort]:
    """Cohorts with their people counted the way the dashboard counts them."""
    counted = Enrollment.active_q("enrollments")
    if filters.org_kind:
        counted &= Q(enrollments__trainee__organisation__kind=filters.org_kind)
    return (
        cohorts_in_scope(user=user, filters=filters)
        .annotate(
            people=Count("enrollments__trainee", distinct=True, filter=counted),
            completed=Count("enrollments__trainee", distinct=True, filter=counted & Q(
                enrollments__status=Enrollment.Status.COMPLETED)),
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
            (str(row["label"]), row["people"], row["certified"])
            for row in selectors.breakdown(user=user, filters=filters, dimension=dimension)
        ]

    def count(*, user, filters: Filters) -> int:
        return len(rows(user=user, filters=filters))

    return rows, count


def _queryset_table(name, label, headers, rows) -> Table:
    return Table(name, label, headers, rows,
                 lambda *, user, filters: rows(user=user, filters=filters).count())


TABLES: dict[str, Table] = {
    table.name: table
    for table in [
        _queryset_table("trainees", _("Trainees"), [
            _("Username"), _("First name"), _("Last name"), _("Sex"), _("Function"),
            _("Organisation"), _("Organisation type"), _("Cohort"), _("Course"), _("Region"),
            _("Cascade level"), _("Status"), _("Completed at"), _("Certified")],
            _trainee_rows),
        _queryset_table("cohorts", _("Cohorts"), [
            _("Code"), _("Name"), _("Course"), _("Region"), _("Cascade level"),
            _("Start date"), _("End date"), _("Status"), _("Upstream cohort"),
            _("People"), _("Completed")], _cohort_rows),
        _queryset_table("attendance", _("Attendance"), [
            _("Cohort"), _("Username"), _("Date"), _("Status")], _attendance_rows),
        _queryset_table("results", _("Results"), [
            _("Cohort"), _("Username"), _("Pre-test (%)"), _("Post-test (%)"),
            _("Gain (points)")], _result_rows),
        _queryset_table("certificates", _("Certificates"), [
            _("Code"), _("Username"), _("Cohort"), _("Status"), _("Issued at")],
            _certificate_rows),
        *[
            Table(f"by_{key}", dim.label, [dim.label, _("People reached"), _("Certified")],
                  *_breakdown(key))
            for key, dim in selectors.DIMENSIONS.items()
        ],
    ]
}
