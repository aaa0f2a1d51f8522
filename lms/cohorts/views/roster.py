from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.organisations.models import Organisation

from ..forms import RosterUploadForm
from ..importers import (
    MAX_BYTES,
    RosterFileError,
    RosterRejected,
    jobs,
    read_roster,
    roster_check,
    roster_template_csv,
    roster_template_xlsx,
)
from ..models import RosterImport
from .access import login_required, managed_cohort

PREVIEW_ROWS = 100  # a long correct file shows its first rows only
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _session_key(cohort) -> str:
    return f"roster-import-{cohort.pk}"


@login_required
def roster_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 1: upload; step 2 (same page): preview with per-row errors, nothing written yet."""
    cohort = managed_cohort(request, pk)
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:  # before reading a byte of it
            form.add_error("file", _("The file is too large (2 MB at most)."))
        else:
            try:
                raw_rows = read_roster(name=upload.name, data=upload.read())
            except RosterFileError as error:
                form.add_error("file", str(error))
            else:
                preview = roster_check(cohort=cohort, raw_rows=raw_rows, by=request.user)
                if preview.ok:
                    job = jobs.roster_job_prepare(cohort=cohort, actor=request.user,
                                                  file_name=upload.name, raw_rows=raw_rows)
                    request.session[_session_key(cohort)] = job.pk
                else:
                    request.session.pop(_session_key(cohort), None)
    return _render_preview(request, cohort, form, preview)


def _render_preview(request, cohort, form, preview) -> HttpResponse:
    shown = None
    if preview is not None:
        shown = preview.error_rows if not preview.ok and preview.error_rows else preview.rows
    return render(request, "cohorts/roster_import.html", {
        "cohort": cohort, "form": form, "preview": preview, "kinds": Organisation.Kind.choices,
        "shown_rows": shown[:PREVIEW_ROWS] if shown else [],
        "hidden_rows": max(0, len(shown or []) - PREVIEW_ROWS),
    })


@login_required
@require_POST
def roster_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 3: import the previewed rows, all or nothing (they are checked again)."""
    cohort = managed_cohort(request, pk)
    job = RosterImport.objects.filter(
        pk=request.session.get(_session_key(cohort)), cohort=cohort, requested_by=request.user,
        status=RosterImport.Status.CHECKED).first()
    if job is None:
        messages.error(request, _("Nothing to import: upload the file again."))
        return redirect("cohorts:roster_import", pk=cohort.pk)
    choices = {"organisations": _organisation_choices(request.POST)}
    if jobs.roster_job_runs_later(job):
        jobs.roster_job_queue(job=job, choices=choices)
        request.session.pop(_session_key(cohort), None)
        return redirect("cohorts:roster_progress", pk=cohort.pk, job_pk=job.pk)
    try:  # a fault half-way leaves the job checked: the same preview can be confirmed again
        preview = jobs.roster_job_run(job_id=job.pk, choices=choices)
    except RosterRejected as rejected:
        request.session.pop(_session_key(cohort), None)
        return _render_preview(request, cohort, RosterUploadForm(), rejected.preview)
    request.session.pop(_session_key(cohort), None)
    if preview is None:  # finished by an earlier request
        return redirect("cohorts:roster_progress", pk=cohort.pk, job_pk=job.pk)
    messages.success(request, _("%(count)s trainees enrolled (%(new)s new accounts).")
                     % {"count": len(preview.rows), "new": preview.created})
    return redirect("cohorts:detail", pk=cohort.pk)


def _organisation_choices(post) -> dict[str, dict]:
    """The preview's answer per new organisation: `org-<key>` = "create:<kind>" or "use:<id>",
    and `orgregion-<key>` = the region to create it in (the import creates it, in the
    cohort's region, when an answer is missing; it refuses an id the importer may not use)."""
    choices = {}
    for name, value in post.items():
        if not name.startswith("org-"):
            continue
        action, _sep, argument = value.partition(":")
        if action == "use" and argument.isdigit():
            choices[name[4:]] = {"use": int(argument)}
        elif action == "create":
            choices[name[4:]] = {"create": argument}
            region = post.get(f"orgregion-{name[4:]}", "")
            if region.isdigit():
                choices[name[4:]]["region"] = int(region)
    return choices


@login_required
def roster_progress(request: HttpRequest, pk: int, job_pk: int) -> HttpResponse:
    """Where a large import reports how it is going; refreshes itself until it has finished."""
    cohort = managed_cohort(request, pk)
    job = get_object_or_404(RosterImport.objects.defer("rows"), cohort=cohort, pk=job_pk)
    return render(request, "cohorts/roster_progress.html", {"cohort": cohort, "job": job})


@login_required
def roster_template(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "xlsx":
        response = HttpResponse(roster_template_xlsx(), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(roster_template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="roster-template.{fmt}"'
    return response
