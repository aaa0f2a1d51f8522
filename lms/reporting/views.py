from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lms.accounts import roles
from lms.cohorts.services import training_today
from lms.core.files import private_file_response

from . import dashboard_cache, drilldown, followups, indicators, selectors, services
from . import sessions as field
from .filters import filter_form
from .models import Export
from .svg.charts import bar_chart, line_chart
from .svg.maps import choropleth
from .tables import TABLES, cohort_table, latest_cohorts

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def coordinator_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(roles.VIEW_DASHBOARD):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _filtered(request):
    """The filter form, the filters it validated, and the query string to carry them on."""
    form, filters = filter_form(user=request.user, data=request.GET)
    query = request.GET.copy()
    query.pop("page", None)
    return form, filters, query.urlencode()


def _field_figures(*, user, filters, figures) -> dict:
    """The field workflow's pieces (`reporting.sessions`, two queries at most each)."""
    today = training_today()
    return {
        "sessions": field.sessions_by_level_region(user=user, filters=filters),
        "active_trainers": field.active_trainers(user=user, filters=filters, today=today),
        "trainer_reach": field.reach_per_trainer(user=user, filters=filters, today=today,
                                                 figures=figures),
    }


def _labelled(tree: dict) -> dict:
    """Each cohort of the tree with its line of text and its link, worked out once here
    rather than by template tags per cohort (300 of them on a national page)."""
    text = _("level %(level)s, %(region)s, %(people)s people")
    # Each cohort's page: the URL reversed once, its number put in per cohort.
    before, after = reverse("reporting:cohort", args=[0]).rsplit("0", 1)
    for row in tree["rows"]:
        row["url"] = f"{before}{row['pk']}{after}"
        row["label"] = text % {"level": row["level"], "region": row["region__name"],
                               "people": intcomma(row["people"])}
    return tree


@require_GET
@coordinator_required
def dashboard(request):
    """The page around the body, which is rendered once per change of its figures
    (`dashboard_cache`)."""
    body = dashboard_cache.body(request, lambda: render_to_string(
        "reporting/includes/dashboard_body.html", _dashboard_context(request), request=request))
    return render(request, "reporting/dashboard.html", {"body": body})


def _dashboard_context(request) -> dict:
    form, filters, query = _filtered(request)
    user = request.user
    figures = selectors.figures_for(user=user, filters=filters)  # one set of queries
    breakdowns = {
        key: selectors.breakdown(user=user, filters=filters, dimension=key, figures=figures)
        for key in selectors.DIMENSIONS
    }
    regions = selectors.people_by_region(user=user, filters=filters,
                                         by_region=breakdowns["region"], regions=form.regions)
    titles = form.course_titles
    for row in breakdowns["course"]:
        row["label"] = titles.get(row["value"], row["value"])
    months = selectors.timeline(user=user, filters=filters, figures=figures)
    others = request.GET.copy()
    others.pop("region", None)
    return {
        "as_of": timezone.now(),
        "form": form, "filters": filters, "query": query,
        "query_without_region": others.urlencode(),
        "headline": selectors.headline(user=user, filters=filters, figures=figures),
        "gain": selectors.knowledge_gain(user=user, filters=filters, figures=figures),
        "followups": followups.followups_panel(user=user, filters=filters, figures=figures),
        "reaction": indicators.reaction_panel(user=user, filters=filters, request=request),
        "regions": regions,
        "map": choropleth(counts={r["iso_code"]: r["people"] for r in regions}),
        "breakdowns": [
            {"key": key, "dimension": selectors.DIMENSIONS[key], "rows": rows,
             "chart": bar_chart(rows)}
            for key, rows in breakdowns.items()
        ],
        "levels": selectors.reach_by_level(user=user, filters=filters, figures=figures),
        "masters": selectors.reach_by_master_trainer(user=user, filters=filters,
                                                     figures=figures),
        **_field_figures(user=user, filters=filters, figures=figures),
        "timeline": months,
        "timeline_chart": line_chart([(m["month"], m["people"]) for m in months]),
        "tree": _labelled(drilldown.cascade_tree(user=user, filters=filters)),
        "cohorts": latest_cohorts(user=user, filters=filters),
        "tables": TABLES,
    }


@require_GET
@coordinator_required
def cohorts(request):
    form, filters, query = _filtered(request)
    rows = cohort_table(user=request.user, filters=filters).select_related("region", "course")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "reporting/cohorts.html", {
        "form": form, "filters": filters, "query": query, "page": page,
    })


@require_GET
@coordinator_required
def cohort_detail(request, pk: int):
    cohort = drilldown.cohort_for(user=request.user, pk=pk)
    return render(request, "reporting/cohort_detail.html", {
        "cohort": cohort, "enrollments": drilldown.cohort_trainees(cohort=cohort),
    })


@require_GET
@coordinator_required
def trainee_detail(request, pk: int):
    trainee = drilldown.trainee_for(user=request.user, pk=pk)
    return render(request, "reporting/trainee_detail.html", {
        "trainee": trainee,
        "enrollments": drilldown.trainee_enrollments(user=request.user, trainee=trainee),
    })


@require_GET
@coordinator_required
def export(request, table: str, fmt: str):
    """Small tables are sent at once; large ones go to a background task and its page."""
    if table not in TABLES or fmt not in Export.Format.values:
        raise Http404
    spec = TABLES[table]
    _form, filters, _query = _filtered(request)
    codes = request.GET.get("codes") == "1"  # column keys and codes, for programs
    if spec.count(user=request.user, filters=filters) > services.export_sync_limit():
        job = services.export_create(owner=request.user, table=table, fmt=fmt, filters=filters,
                                     codes=codes)
        return redirect("reporting:export_detail", uuid=job.uuid)
    filename = services.export_filename(table=spec, fmt=fmt)
    if fmt == Export.Format.CSV:
        rows = services.table_rows(table=spec, user=request.user, filters=filters)
        response = StreamingHttpResponse(services.csv_lines(table=spec, rows=rows, codes=codes),
                                         content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            services.xlsx_bytes(table=spec, user=request.user, filters=filters, codes=codes),
            content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@login_required
def export_detail(request, uuid):
    job = get_object_or_404(Export, uuid=uuid, owner=request.user)
    return render(request, "reporting/export_detail.html", {"export": job,
                                                            "table": TABLES.get(job.table)})


@require_GET
@login_required
def export_download(request, uuid):
    job = get_object_or_404(Export, uuid=uuid, owner=request.user,
                            status=Export.Status.DONE)
    if not job.file:
        raise Http404
    filename = job.file.name.rsplit("/", 1)[-1]
    return private_file_response(
        name=job.file.name, filename=filename,
        content_type=XLSX if job.format == Export.Format.XLSX else "text/csv; charset=utf-8")
