from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import RosterUploadForm
from ..importers import (
    RawRow,
    RosterFileError,
    RosterRejected,
    read_roster,
    roster_check,
    roster_import,
    roster_template_csv,
    roster_template_xlsx,
)
from .access import login_required, managed_cohort

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
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
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error("file", _("The file is too large (2 MB at most)."))
        else:
            try:
                raw_rows = read_roster(name=upload.name, data=upload.read())
            except RosterFileError as error:
                form.add_error("file", str(error))
            else:
                preview = roster_check(cohort=cohort, raw_rows=raw_rows)
                if preview.ok:
                    request.session[_session_key(cohort)] = [
                        {"number": row.number, "values": row.values} for row in raw_rows]
                else:
                    request.session.pop(_session_key(cohort), None)
    return render(request, "cohorts/roster_import.html",
                  {"cohort": cohort, "form": form, "preview": preview})


@login_required
@require_POST
def roster_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 3: import the previewed rows, all or nothing (they are checked again)."""
    cohort = managed_cohort(request, pk)
    stored = request.session.get(_session_key(cohort))
    if not stored:
        messages.error(request, _("Nothing to import: upload the file again."))
        return redirect("cohorts:roster_import", pk=cohort.pk)
    raw_rows = [RawRow(number=row["number"], values=row["values"]) for row in stored]
    try:
        preview = roster_import(cohort=cohort, raw_rows=raw_rows)
    except RosterRejected as rejected:
        return render(request, "cohorts/roster_import.html", {
            "cohort": cohort, "form": RosterUploadForm(), "preview": rejected.preview})
    request.session.pop(_session_key(cohort), None)
    messages.success(request, _("%(count)s trainees enrolled (%(new)s new accounts).")
                     % {"count": len(preview.rows), "new": preview.created})
    return redirect("cohorts:detail", pk=cohort.pk)


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
