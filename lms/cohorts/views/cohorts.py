import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts import roles
from lms.core.spreadsheets import spreadsheet_row

from .. import people, selectors, services
from ..forms import CohortForm, PersonForm
from ..importers import RawRow, RosterRejected, roster_import
from ..importers.reading import DEMOGRAPHIC_COLUMNS
from ..models import Attendance, Cohort, Enrollment
from .access import (
    login_required,
    managed_cohort,
    regions_for_cohorts,
    regions_for_new_cohorts,
    visible_cohort,
)

LIST_LIMIT = 200


@login_required
def cohort_list(request: HttpRequest) -> HttpResponse:
    active = Enrollment.active_q("enrollments")
    cohorts = (
        selectors.cohorts_visible_to(request.user)
        .select_related("course", "region")
        .annotate(trainee_count=Count("enrollments", filter=active, distinct=True))
        .order_by("-start_date", "name")
    )
    status = request.GET.get("status", "")
    if status in Cohort.Status.values:
        cohorts = cohorts.filter(status=status)
    return render(request, "cohorts/cohort_list.html", {
        "cohorts": cohorts[:LIST_LIMIT], "limit": LIST_LIMIT, "status": status,
        "statuses": Cohort.Status.choices,
        "can_create": request.user.has_perm("cohorts.add_cohort"),
        "can_validate": (request.user.has_perm(roles.SEE_ALL_REGIONS)
                         or request.user.has_perm(roles.COORDINATE_REGIONS)),
    })


@login_required
def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = visible_cohort(request, pk)
    enrollments = (
        selectors.enrollments_visible_to(request.user).filter(cohort=cohort)
        .select_related("trainee__organisation", "trainee__region")
        .annotate(
            present=Count("attendances", filter=Q(attendances__status=Attendance.Status.PRESENT)),
            absent=Count("attendances", filter=Q(attendances__status=Attendance.Status.ABSENT)),
            excused=Count("attendances", filter=Q(attendances__status=Attendance.Status.EXCUSED)),
        )
        .order_by("trainee__last_name", "trainee__first_name")
    )
    can_manage = selectors.may_run_session(request.user, cohort)
    trainer_ids = set(cohort.trainers_trained.values_list("user_id", flat=True))
    facilitators = list(cohort.facilitators.all())
    awaiting = cohort.validation != Cohort.Validation.VALIDATED
    return render(request, "cohorts/cohort_detail.html", {
        "cohort": cohort, "enrollments": enrollments, "can_manage": can_manage,
        "can_edit": can_manage and request.user.has_perm("cohorts.change_cohort"),
        "can_give_access": can_manage and request.user.has_perm(roles.MANAGE_TRAINEES),
        "facilitators": facilitators, "trainer_ids": trainer_ids,
        "days": services.cohort_days(cohort=cohort),
        "can_close": awaiting and can_manage and request.user in facilitators,
        "can_validate": (awaiting and cohort.submitted_at is not None
                         and selectors.may_validate_session(request.user, cohort)),
        "can_see_evidence": bool(cohort.evidence) and (
            request.user in facilitators or selectors.may_validate_session(request.user, cohort)),
        "events": list(cohort.events.select_related("by")),
    })


def _cohort_form_fields(form: CohortForm) -> dict:
    return {name: form.cleaned_data[name] for name in form.Meta.fields}


@login_required
def cohort_create(request: HttpRequest) -> HttpResponse:
    regions = regions_for_new_cohorts(request.user)
    form = CohortForm(request.POST or None, user=request.user, regions=regions)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(by=request.user,
                                            facilitators=form.cleaned_data["facilitators"],
                                            **_cohort_form_fields(form))
        except ValidationError as exc:
            form.add_error("facilitators", exc)
        else:
            messages.success(request, _("Cohort created."))
            return redirect("cohorts:detail", pk=cohort.pk)
    return render(request, "cohorts/cohort_form.html", {"form": form, "cohort": None})


@login_required
def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = managed_cohort(request, pk)
    if not request.user.has_perm("cohorts.change_cohort"):  # a trainer runs, never edits
        raise PermissionDenied
    form = CohortForm(request.POST or None, instance=cohort, user=request.user,
                      regions=regions_for_cohorts(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_update(cohort=cohort, facilitators=form.cleaned_data["facilitators"],
                                   **_cohort_form_fields(form))
        except ValidationError as exc:
            form.add_error("facilitators", exc)
        else:
            messages.success(request, _("Cohort saved."))
            return redirect("cohorts:detail", pk=cohort.pk)
    return render(request, "cohorts/cohort_form.html", {"form": form, "cohort": cohort})


@login_required
def enrol_person(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = managed_cohort(request, pk)
    form = PersonForm(request.POST or None, initial={"region": cohort.region},
                      regions=people.enrol_region_ids(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            roster_import(cohort=cohort, raw_rows=[RawRow(number=1, values=form.as_row_values())],
                          by=request.user)
        except RosterRejected as rejected:
            for error in rejected.preview.file_errors:
                form.add_error(None, error)
            for row in rejected.preview.error_rows:
                for error in row.errors:
                    form.add_error(None, error)
        else:
            messages.success(request, _("Enrolled."))
            return redirect("cohorts:detail", pk=cohort.pk)
    return render(request, "cohorts/enrol_form.html", {"form": form, "cohort": cohort})


@login_required
@require_POST
def trainer_record(request: HttpRequest, pk: int, enrollment_pk: int) -> HttpResponse:
    cohort = managed_cohort(request, pk)
    enrollment = get_object_or_404(Enrollment.objects.select_related("trainee"), cohort=cohort,
                                   pk=enrollment_pk)
    try:
        services.trainer_record(user=enrollment.trainee, cohort=cohort, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is now recorded as a trainer.")
                         % {"name": enrollment.trainee.display_name})
    return redirect("cohorts:detail", pk=cohort.pk)


@login_required
def roster_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The roster as CSV: exactly the rows the viewer sees on the cohort page."""
    cohort = visible_cohort(request, pk)
    enrollments = (
        selectors.enrollments_visible_to(request.user).filter(cohort=cohort)
        .select_related("trainee__organisation", "trainee__region")
        .order_by("trainee__last_name", "trainee__first_name")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="roster-{cohort.code}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    # The import's column names and codes, so the file can be corrected and imported again.
    writer.writerow(["first_name", "last_name", "sex", "function", "organisation", "region",
                     "phone", "email", "status", *DEMOGRAPHIC_COLUMNS])
    for e in enrollments:
        person = e.trainee
        writer.writerow(spreadsheet_row([
            person.first_name, person.last_name, person.sex, person.function,
            person.organisation.name if person.organisation else "",
            person.region.name if person.region else "", person.phone, person.email,
            e.status, *[getattr(person, name) or "" for name in DEMOGRAPHIC_COLUMNS]]))
    return response
