"""Every view finds its cohort through the scoping selectors: out of scope is a 404."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from lms.accounts import roles
from lms.regions.models import Region

from .. import selectors
from ..models import Cohort

__all__ = ["login_required", "managed_cohort", "regions_for_cohorts", "regions_for_new_cohorts",
           "visible_cohort"]


def visible_cohort(request: HttpRequest, pk: int) -> Cohort:
    return get_object_or_404(
        selectors.cohorts_visible_to(request.user).select_related("course", "region", "parent"),
        pk=pk,
    )


def managed_cohort(request: HttpRequest, pk: int) -> Cohort:
    cohort = visible_cohort(request, pk)
    if not selectors.may_run_session(request.user, cohort):
        raise PermissionDenied
    return cohort


def regions_for_cohorts(user) -> QuerySet[Region]:
    """Coordinators place cohorts in the regions they see; facilitators run sessions anywhere."""
    if user.has_perm(roles.SEE_ALL_REGIONS) or not user.has_perm(roles.COORDINATE_REGIONS):
        return Region.objects.all()
    return selectors.regions_visible_to(user)


def regions_for_new_cohorts(user) -> QuerySet[Region]:
    if not user.has_perm("cohorts.add_cohort"):
        raise PermissionDenied
    return regions_for_cohorts(user)
