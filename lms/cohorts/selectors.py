"""Who may see what: every list, detail, export and API answer starts from these querysets.

National coordinators and administrators see everything; a regional coordinator sees the
cohorts held in their regions and the people enrolled there (or living there); a facilitator
sees the cohorts they run and their trainees; a trainee sees only themself.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from lms.accounts import roles
from lms.regions.models import Region

from .models import Cohort, Enrollment

User = get_user_model()


def regions_visible_to(user) -> QuerySet[Region]:
    if roles.is_national(user):
        return Region.objects.all()
    if roles.has_role(user, roles.REGIONAL_COORDINATOR):
        return user.coordinated_regions.all()
    return Region.objects.none()


def cohorts_visible_to(user) -> QuerySet[Cohort]:
    if not user.is_authenticated:
        return Cohort.objects.none()
    if roles.is_national(user):
        return Cohort.objects.all()
    condition = Q(enrollments__trainee=user)
    if roles.has_role(user, roles.REGIONAL_COORDINATOR):
        condition |= Q(region__in=user.coordinated_regions.all())
    if roles.has_role(user, roles.FACILITATOR):
        condition |= Q(facilitators=user)
    return Cohort.objects.filter(
        pk__in=Cohort.objects.filter(condition).values("pk")
    )


def cohorts_managed_by(user) -> QuerySet[Cohort]:
    """Cohorts whose roster and attendance the user may change (not merely see)."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    if roles.is_national(user):
        return Cohort.objects.all()
    condition = Q(pk__in=[])
    if roles.has_role(user, roles.REGIONAL_COORDINATOR):
        condition |= Q(region__in=user.coordinated_regions.all())
    if roles.has_role(user, roles.FACILITATOR):
        condition |= Q(facilitators=user)
    return Cohort.objects.filter(pk__in=Cohort.objects.filter(condition).values("pk"))


def trainees_visible_to(user) -> QuerySet:
    if not user.is_authenticated:
        return User.objects.none()
    if roles.is_national(user):
        return User.objects.all()
    condition = Q(pk=user.pk)
    if roles.has_role(user, roles.REGIONAL_COORDINATOR):
        regions = user.coordinated_regions.all()
        condition |= Q(region__in=regions) | Q(enrollments__cohort__region__in=regions)
    if roles.has_role(user, roles.FACILITATOR):
        condition |= Q(enrollments__cohort__facilitators=user)
    return User.objects.filter(pk__in=User.objects.filter(condition).values("pk"))


def enrollments_visible_to(user) -> QuerySet[Enrollment]:
    if not user.is_authenticated:
        return Enrollment.objects.none()
    if roles.is_national(user):
        return Enrollment.objects.all()
    return Enrollment.objects.filter(
        Q(cohort__in=cohorts_managed_by(user)) | Q(trainee=user)
    )
