import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors, services
from ..forms import AttendanceDayForm, DayPickerForm
from ..models import Attendance
from .access import login_required, managed_cohort, visible_cohort


def _active_enrollments(cohort):
    return (
        cohort.enrollments.active()
        .select_related("trainee__organisation")
        .order_by("trainee__last_name", "trainee__first_name")
    )


@login_required
def attendance_days(request: HttpRequest, pk: int) -> HttpResponse:
    """The cohort's days with what has been recorded; a date picker to enter any day."""
    cohort = managed_cohort(request, pk)
    picker = DayPickerForm(request.GET or None)
    if picker.is_valid():
        return redirect("cohorts:attendance_day", pk=cohort.pk,
                        day=picker.cleaned_data["date"].isoformat())
    counts = {
        row["date"]: row for row in Attendance.objects.filter(enrollment__cohort=cohort)
        .values("date").annotate(
            present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)),
            absent=Count("pk", filter=Q(status=Attendance.Status.ABSENT)),
            excused=Count("pk", filter=Q(status=Attendance.Status.EXCUSED)))
    }
    days = [(day, counts.get(day)) for day in services.cohort_days(cohort=cohort)]
    today = timezone.localdate()
    return render(request, "cohorts/attendance_days.html", {
        "cohort": cohort, "days": days, "picker": picker, "today": today,
        "roster_size": _active_enrollments(cohort).count(),
    })


@login_required
def attendance_day(request: HttpRequest, pk: int, day: str) -> HttpResponse:
    """One day's attendance: a radio group per trainee; the same form enters a paper sheet."""
    cohort = managed_cohort(request, pk)
    try:
        date = datetime.date.fromisoformat(day)
    except ValueError as exc:
        raise Http404 from exc
    days = services.cohort_days(cohort=cohort)
    if date not in days:
        messages.error(request, _("%(date)s is not a day of this cohort.") % {"date": date})
        return redirect("cohorts:attendance", pk=cohort.pk)
    enrollments = list(_active_enrollments(cohort))
    recorded = dict(Attendance.objects.filter(enrollment__cohort=cohort, date=date)
                    .values_list("enrollment_id", "status"))
    form = AttendanceDayForm(request.POST or None, enrollments=enrollments, recorded=recorded)
    if request.method == "POST" and form.is_valid():
        statuses = form.statuses(all_present="all_present" in request.POST)
        try:
            written = services.attendance_record(cohort=cohort, date=date, statuses=statuses,
                                                 by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Attendance saved for %(date)s (%(count)s changes).")
                             % {"date": date.isoformat(), "count": written})
            return redirect("cohorts:attendance_day", pk=cohort.pk, day=date.isoformat())
    index = days.index(date)
    return render(request, "cohorts/attendance_day.html", {
        "cohort": cohort, "date": date, "form": form,
        "previous_day": days[index - 1] if index else None,
        "next_day": days[index + 1] if index + 1 < len(days) else None,
        "day_number": index + 1, "day_count": len(days),
    })


@login_required
def attendance_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """Printable sheet: blank with signature boxes, or filled with what was recorded."""
    cohort = visible_cohort(request, pk)
    filled = request.GET.get("filled") == "1"
    enrollments = list(
        selectors.enrollments_visible_to(request.user).filter(cohort=cohort).active()
        .select_related("trainee__organisation")
        .order_by("trainee__last_name", "trainee__first_name")
    )
    days = services.cohort_days(cohort=cohort)
    marks: dict[tuple[int, datetime.date], str] = {}
    if filled:
        for enrollment_id, date, status in Attendance.objects.filter(
                enrollment__in=enrollments).values_list("enrollment_id", "date", "status"):
            marks[(enrollment_id, date)] = Attendance.Status(status).label
    rows = [(e, [marks.get((e.pk, day), "") for day in days]) for e in enrollments]
    return render(request, "cohorts/attendance_sheet.html", {
        "cohort": cohort, "days": days, "rows": rows, "filled": filled,
        "facilitators": cohort.facilitators.all(), "blank_rows": range(3),
    })
