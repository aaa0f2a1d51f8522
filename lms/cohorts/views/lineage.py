from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lms.regions.models import Region

from .. import selectors, services
from .access import login_required, visible_cohort

User = get_user_model()


@login_required
def trainer_list(request: HttpRequest) -> HttpResponse:
    visible = selectors.cohorts_visible_to(request.user)
    trainers = (
        selectors.trainers_visible_to(request.user)
        .select_related("organisation", "region")
        .annotate(cohorts_run=Count("facilitated_cohorts", distinct=True,
                                    filter=Q(facilitated_cohorts__in=visible)))
        .order_by("last_name", "first_name")[:300]
    )
    reach = selectors.cascade_reach(cohorts=visible)
    return render(request, "cohorts/trainer_list.html", {
        "trainers": trainers, "reach": reach,
        "regions": selectors.regions_visible_to(request.user),
    })


@login_required
def trainer_lineage(request: HttpRequest, user_pk: int) -> HttpResponse:
    trainer = get_object_or_404(selectors.trainers_visible_to(request.user), pk=user_pk)
    lineage = selectors.trainer_lineage(
        trainer=trainer, within=selectors.cohorts_visible_to(request.user))
    return render(request, "cohorts/lineage.html", {
        "lineage": lineage, "subject": trainer.display_name, "trainer": trainer,
        "trainer_active": selectors.trainer_is_active(user=trainer,
                                                      today=services.training_today())})


@login_required
def cohort_lineage(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = visible_cohort(request, pk)
    lineage = selectors.cohort_lineage(
        cohort=cohort, within=selectors.cohorts_visible_to(request.user))
    return render(request, "cohorts/lineage.html", {
        "lineage": lineage, "subject": cohort.name, "cohort": cohort})


@login_required
def region_reach(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    visible = selectors.cohorts_visible_to(request.user)
    if not (selectors.regions_visible_to(request.user).filter(pk=region.pk).exists()
            or visible.filter(region=region).exists()):
        raise Http404
    lineage = selectors.region_reach(region=region, within=visible)
    return render(request, "cohorts/lineage.html", {
        "lineage": lineage, "subject": region.name, "region": region})
