"""The field workflow's pages: a recorded trainer's sessions (create, close with the signed
sheet), the coordinators' "to validate" list and review, and the evidence download. Every
write goes through `cohorts.sessions`; every page finds its session through the scoping
selectors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lms.accounts import roles
from lms.core.files import private_file_response

from .. import selectors, services, sessions
from ..forms import SessionCloseForm, SessionForm, SessionReviewForm
from ..models import Enrollment, SessionEvent
from .access import login_required, visible_cohort

CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg"}


def _with_history(cohorts):
    return cohorts.select_related("course", "region").annotate(
        trainee_count=Count("enrollments", filter=Enrollment.active_q("enrollments"),
                            distinct=True),
    ).prefetch_related(Prefetch("events", queryset=SessionEvent.objects.select_related("by")))


@login_required
def my_sessions(request: HttpRequest) -> HttpResponse:
    """A recorded trainer's own sessions, whether they are active, and how many they reached."""
    if not sessions.may_create_session(request.user):
        raise PermissionDenied
    today = services.training_today()
    runs = selectors.sessions_run_by(request.user)
    return render(request, "cohorts/sessions/mine.html", {
        "sessions": _with_history(runs)[:100],
        "active": selectors.trainer_is_active(user=request.user, today=today),
        "since": selectors.active_since(today),
        "reached": Enrollment.objects.active().filter(cohort__in=runs.counted())
        .values("trainee").distinct().count(),
    })


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    if not sessions.may_create_session(request.user):
        raise PermissionDenied
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = sessions.session_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Session created. Enrol the participants, then take "
                                        "attendance each day."))
            return redirect("cohorts:detail", pk=cohort.pk)
    return render(request, "cohorts/sessions/form.html", {"form": form})


@login_required
def session_close(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = visible_cohort(request, pk)
    if not selectors.may_run_session(request.user, cohort):
        raise PermissionDenied
    form = SessionCloseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            sessions.session_close(by=request.user, cohort=cohort,
                                   evidence=form.cleaned_data["evidence"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Session closed and sent to your coordinator for "
                                        "validation."))
            return redirect("cohorts:detail", pk=cohort.pk)
    return render(request, "cohorts/sessions/close.html", {"form": form, "cohort": cohort})


@login_required
def sessions_to_validate(request: HttpRequest) -> HttpResponse:
    if not (request.user.has_perm(roles.SEE_ALL_REGIONS)
            or request.user.has_perm(roles.COORDINATE_REGIONS)):
        raise PermissionDenied
    waiting = selectors.sessions_to_validate(request.user)
    return render(request, "cohorts/sessions/to_validate.html", {
        "sessions": _with_history(waiting).prefetch_related("facilitators")[:200]})


@login_required
def session_review(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = visible_cohort(request, pk)
    if not selectors.may_validate_session(request.user, cohort):
        raise PermissionDenied
    form = SessionReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment = form.cleaned_data["comment"]
        try:
            if "return" in request.POST:
                sessions.session_return(by=request.user, cohort=cohort, comment=comment)
                done = _("Session sent back to its trainer.")
            else:
                sessions.session_validate(by=request.user, cohort=cohort, comment=comment)
                done = _("Session validated: its participants now count as reached.")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done)
            return redirect("cohorts:to_validate")
    return render(request, "cohorts/sessions/review.html", {
        "form": form, "cohort": cohort,
        "trainees": cohort.enrollments.active().count(),
        "events": cohort.events.select_related("by"),
    })


@login_required
def session_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = visible_cohort(request, pk)
    if not selectors.may_see_evidence(request.user, cohort):
        raise PermissionDenied
    if not cohort.evidence:
        raise Http404
    extension = cohort.evidence.name.rsplit(".", 1)[-1]
    return private_file_response(
        name=cohort.evidence.name, filename=f"{cohort.code}-sheet.{extension}",
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"))
