"""What a viewer may see, narrowed by the filters. Every figure, table, export and API answer
starts here, on top of the cohorts app's scoping selectors."""

from django.db.models import Exists, OuterRef, QuerySet

from lms.certificates.models import Certificate
from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.selectors import cohorts_managed_by, counted_cohorts_managed_by

from .filters import Filters
from .models import CohortTotals


def cohorts_in_scope(*, user, filters: Filters) -> QuerySet[Cohort]:
    """The counted cohorts (`Cohort.objects.counted()`: sessions awaiting validation never
    reach a figure, table, export or API answer) the viewer manages, narrowed by the filters."""
    return _narrowed(counted_cohorts_managed_by(user), filters)


def listed_cohorts_in_scope(*, user, filters: Filters) -> QuerySet[Cohort]:
    """Every cohort the viewer manages, narrowed by the filters, counted or awaiting
    validation: for listing sessions that await validation, never for counting reach."""
    return _narrowed(cohorts_managed_by(user), filters)


def _narrowed(cohorts: QuerySet[Cohort], filters: Filters) -> QuerySet[Cohort]:
    if filters.date_from:
        cohorts = cohorts.filter(start_date__gte=filters.date_from)
    if filters.date_to:
        cohorts = cohorts.filter(start_date__lte=filters.date_to)
    if filters.region:
        cohorts = cohorts.filter(region__slug=filters.region)
    if filters.course:
        cohorts = cohorts.filter(course__code=filters.course)
    if filters.level:
        cohorts = cohorts.filter(level=filters.level)
    if filters.org_kind:
        # A cohort with an enrollment (any status) of a trainee of that organisation type:
        # its totals have a row for that type.
        cohorts = cohorts.filter(
            Exists(CohortTotals.objects.filter(cohort=OuterRef("pk"), org_kind=filters.org_kind,
                                               grain=CohortTotals.Grain.ORG_KIND))
        )
    return cohorts


def enrollments_in_scope(*, user, filters: Filters) -> QuerySet[Enrollment]:
    enrollments = Enrollment.objects.filter(cohort__in=cohorts_in_scope(user=user, filters=filters))
    if filters.org_kind:
        enrollments = enrollments.filter(trainee__organisation__kind=filters.org_kind)
    return enrollments


def certified_condition() -> Exists:
    """True for an enrollment holding a valid certificate (not revoked, not replaced)."""
    return Exists(Certificate.objects.filter(enrollment=OuterRef("pk"),
                                             status=Certificate.Status.VALID))
