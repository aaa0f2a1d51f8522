"""Giving trainees access: printable log-in slips for a cohort, "reset this trainee's access".

Coordinators and facilitators (for the cohorts they manage) with the `manage_trainees`
capability; only ever for plain trainees in their scope (`people.people_changeable_by`). Each
code is shown once, on the page that answers the POST, and never stored in clear.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lms.accounts import roles

from .. import people
from ..models import Cohort
from .access import login_required, managed_cohort


def _access_cohort(request: HttpRequest, pk: int) -> Cohort:
    cohort = managed_cohort(request, pk)
    if not request.user.has_perm(roles.MANAGE_TRAINEES):
        raise PermissionDenied
    return cohort


@login_required
@never_cache
def access_slips(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: who will get a slip; POST: new one-time codes for them, printed as slips."""
    cohort = _access_cohort(request, pk)
    if request.method == "POST":
        slips = people.access_slips_issue(by=request.user, cohort=cohort)
        return render(request, "cohorts/access_slips_print.html",
                      {"cohort": cohort, "slips": slips})
    awaiting = people.people_awaiting_access(by=request.user, cohort=cohort)
    trainees = people.people_changeable_by(request.user).filter(
        enrollments__in=cohort.enrollments.active()).distinct()
    return render(request, "cohorts/access_slips.html", {
        "cohort": cohort, "awaiting": awaiting.order_by("last_name", "first_name"),
        "with_password": trainees.exclude(pk__in=awaiting.values("pk"))
        .order_by("last_name", "first_name"),
    })


@login_required
@never_cache
@require_POST
def access_reset(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    """A new one-time code for one trainee of the cohort (their old password stops working)."""
    cohort = _access_cohort(request, pk)
    trainee = get_object_or_404(
        people.people_changeable_by(request.user).filter(
            enrollments__cohort=cohort).distinct(), pk=user_pk)
    code = people.trainee_access_reset(by=request.user, trainee=trainee)
    return render(request, "cohorts/access_slips_print.html",
                  {"cohort": cohort, "slips": [(trainee, code)], "reset": True})
