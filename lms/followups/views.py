"""Coordinators: the list of follow-ups of their regions, recording answers given by phone and
visits. Trainees: their follow-ups and the questionnaire, on their phone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lms.accounts import roles
from lms.cohorts.selectors import regions_visible_to
from lms.quizzes.selectors import retention_quiz_for

from . import selectors, services
from .forms import AnswerForm, ListFilterForm, VisitForm
from .models import FollowUp, FollowUpNotice
from .rules import State, mali_today, state_of


def _coordinator(request: HttpRequest) -> None:
    if not request.user.has_perm(roles.VIEW_DASHBOARD):
        raise PermissionDenied


def _with_state(followups, today) -> list[FollowUp]:
    rows = list(followups)
    for follow_up in rows:
        follow_up.state = state_of(due=follow_up.due_date, answered=follow_up.done, today=today)
    return rows


def _last_notice(follow_up: FollowUp):
    """The latest notice the trainee was sent or that failed (from the prefetched notices)."""
    shown = [n for n in follow_up.notices.all()
             if n.status in (FollowUpNotice.Status.SENT, FollowUpNotice.Status.FAILED)]
    return max(shown, key=lambda n: n.pk) if shown else None


@require_GET
@login_required
def followup_list(request: HttpRequest) -> HttpResponse:
    _coordinator(request)
    form = ListFilterForm(request.GET or None, regions=regions_visible_to(request.user))
    data = form.cleaned_data if form.is_valid() else {}
    region = data.get("region")
    state = data.get("state") or None
    followups = selectors.followup_list(
        user=request.user, region=region.slug if region else None, months=data.get("months"),
        state=state)
    if state is None:
        followups = followups.filter(selectors.state_condition(State.DUE)
                                     | selectors.state_condition(State.OVERDUE))
    page = Paginator(followups.prefetch_related("notices"), 50).get_page(
        request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    rows = _with_state(page.object_list, mali_today())
    for follow_up in rows:
        follow_up.last_notice = _last_notice(follow_up)
    return render(request, "followups/followup_list.html", {
        "form": form, "page": page, "rows": rows,
        "counts": selectors.state_counts(user=request.user,
                                         region=region.slug if region else None),
        "query": query.urlencode(),
    })


def _save(request, form, action) -> bool:
    """Run the service; its ValidationError becomes form errors (nothing written)."""
    try:
        action()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return False
    return True


@login_required
def followup_record(request: HttpRequest, pk: int) -> HttpResponse:
    """A coordinator records the answers given in a phone call (or in person, on paper)."""
    _coordinator(request)
    follow_up = get_object_or_404(
        selectors.followups_visible_to(request.user).select_related(
            "enrollment__trainee", "enrollment__cohort__region"), pk=pk)
    if not selectors.followups_changeable_by(request.user).filter(pk=pk).exists():
        raise PermissionDenied
    initial = {}
    if follow_up.done:
        initial = {"channel": follow_up.channel, "practices": follow_up.practices.all(),
                   "other_practice": follow_up.other_practice,
                   "trained_others": "yes" if follow_up.trained_others else "no",
                   "people_trained": follow_up.people_trained,
                   "obstacles": follow_up.obstacles}
    form = AnswerForm(request.POST or None, record=True, initial=initial)
    if request.method == "POST" and form.is_valid() and _save(
            request, form, lambda: services.followup_answer(
                follow_up=follow_up, by=request.user, **form.cleaned_data)):
        messages.success(request, _("Follow-up recorded for %(name)s.") % {
            "name": follow_up.enrollment.trainee.display_name})
        return redirect("followups:list")
    return render(request, "followups/followup_record.html", {
        "follow_up": follow_up, "form": form,
        "state": state_of(due=follow_up.due_date, answered=follow_up.done, today=mali_today()),
    })


@login_required
def visit_record(request: HttpRequest, pk: int) -> HttpResponse:
    _coordinator(request)
    follow_up = get_object_or_404(
        selectors.followups_visible_to(request.user).select_related(
            "enrollment__trainee", "enrollment__cohort"), pk=pk)
    if not selectors.followups_changeable_by(request.user).filter(pk=pk).exists():
        raise PermissionDenied
    visit = getattr(follow_up, "visit", None)
    initial = ({"visited_on": visit.visited_on, "rating": visit.rating,
                "observations": visit.observations} if visit else {})
    form = VisitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and _save(
            request, form, lambda: services.visit_record(
                follow_up=follow_up, by=request.user, **form.cleaned_data)):
        messages.success(request, _("Visit recorded."))
        return redirect("followups:list")
    return render(request, "followups/visit_form.html", {"follow_up": follow_up, "form": form})


@require_GET
@login_required
def my_followups(request: HttpRequest) -> HttpResponse:
    """The trainee's follow-ups: what is due now first (the notices link here)."""
    followups = selectors.followups_of_trainee(request.user).select_related(
        "enrollment__cohort__course").order_by("due_date")
    rows = _with_state(followups, mali_today())
    for follow_up in rows:  # the 6-month follow-up offers the course's retention re-test
        follow_up.retest = (retention_quiz_for(course=follow_up.enrollment.cohort.course)
                            if follow_up.months == 6 and follow_up.state != State.UPCOMING
                            else None)
    return render(request, "followups/my_followups.html", {"rows": rows})


@login_required
def followup_answer(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_object_or_404(
        selectors.followups_of_trainee(request.user).select_related("enrollment__cohort"),
        pk=pk)
    state = state_of(due=follow_up.due_date, answered=follow_up.done, today=mali_today())
    if follow_up.done or state == State.UPCOMING:
        return redirect("followups:mine")
    form = AnswerForm(request.POST or None, record=False)
    if request.method == "POST" and form.is_valid() and _save(
            request, form, lambda: services.followup_answer(
                follow_up=follow_up, by=request.user, channel=FollowUp.Channel.SELF,
                **form.cleaned_data)):
        messages.success(request, _("Thank you: your answers are recorded."))
        return redirect("followups:mine")
    return render(request, "followups/followup_answer.html",
                  {"follow_up": follow_up, "form": form})
