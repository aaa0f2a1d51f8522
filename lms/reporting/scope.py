"""What a viewer may see, narrowed by the filters. Every figure, table, export and API answer
starts here, on top of the cohorts app's scoping selectors."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from lms.certificates.models import Certificate
from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.selectors import cohorts_managed_by, counted_cohorts_managed_by, managed_q

from .filters import Filters
from .models import CohortTotals


def cohorts_in_scope(*, user, filters: Filters) -> QuerySet[Cohort]:
    """The counted cohorts (`Cohort.objects.counted()`: sessions awaiting validation never
    reach a figure, table, export or API answer) the viewer manages, narrowed by the filters."""
    return _narrowed(counted_cohorts_managed_by(user), filters)


def in_scope(*, user, filters: Filters, path: str = "cohort") -> Q:
    """`{path}__in=cohorts_in_scope(user=user, filters=filters)`, written on the cohort at
    `path` itself: for a query that joins that cohort anyway (its region, level, dates), which
    then reads each cohort once instead of again in a subquery."""
    return managed_q(user, counted=True, path=path) & narrowed_q(filters, path)


def listed_cohorts_in_scope(*, user, filters: Filters) -> QuerySet[Cohort]:
    """Every cohort the viewer manages, narrowed by the filters, counted or awaiting
    validation: for listing sessions that await validation, never for counting reach."""
    return _narrowed(cohorts_managed_by(user), filters)


def _narrowed(cohorts: QuerySet[Cohort], filters: Filters) -> QuerySet[Cohort]:
    return cohorts.filter(narrowed_q(filters))


def narrowed_q(filters: Filters, path: str = "") -> Q:
    """The filters as a condition on a cohort (the one at `path` when given)."""
    prefix = f"{path}__" if path else ""
    condition = Q()
    if filters.date_from:
        condition &= Q(**{f"{prefix}start_date__gte": filters.date_from})
    if filters.date_to:
        condition &= Q(**{f"{prefix}start_date__lte": filters.date_to})
    if filters.region:
        condition &= Q(**{f"{prefix}region__slug": filters.region})
    if filters.course:
        condition &= Q(**{f"{prefix}course__code": filters.course})
    if filters.level:
        condition &= Q(**{f"{prefix}level": filters.level})
    if filters.org_kind:
        # A cohort with an enrollment (any status) of a trainee of that organisation type:
        # its totals have a row for that type.
        condition &= Q(Exists(CohortTotals.objects.filter(
            cohort=OuterRef(path or "pk"), org_kind=filters.org_kind,
            grain=CohortTotals.Grain.ORG_KIND)))
    return condition


def enrollments_in_scope(*, user, filters: Filters) -> QuerySet[Enrollment]:
    enrollments = Enrollment.objects.filter(cohort__in=cohorts_in_scope(user=user, filters=filters))
    if filters.org_kind:
        enrollments = enrollments.filter(trainee__organisation__kind=filters.org_kind)
    return enrollments


def certified_condition() -> Exists:
    """True for an enrollment holding a valid certificate (not revoked, not replaced)."""
    return Exists(Certificate.objects.filter(enrollment=OuterRef("pk"),
                                             status=Certificate.Status.VALID))
