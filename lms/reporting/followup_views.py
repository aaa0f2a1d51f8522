"""The follow-up indicators page: share done, practices applied and retention, each
disaggregated, with the dashboard's filters (printable for a donor)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import followups
from .views import _filtered, coordinator_required


def _practice_matrix(*, total: list[dict], by_value: list[dict]) -> tuple[list, list]:
    """Practices as rows, the dimension's values as columns: the share applying in each."""
    columns = sorted({(row["value_label"], row["value"]) for row in by_value},
                     key=lambda column: str(column[0]))
    cells = {(row["practice"], row["value"]): row for row in by_value}
    rows = [{"label": practice["label"], "total": practice,
             "cells": [cells.get((practice["practice"], value)) for _label, value in columns]}
            for practice in total]
    return [label for label, _value in columns], rows


@require_GET
@coordinator_required
def followup_indicators(request):
    form, filters, query = _filtered(request)
    by = request.GET.get("by")
    by = by if by in followups.DIMENSIONS else "sex"
    user = request.user
    practices = followups.practices_applied(user=user, filters=filters)
    columns, matrix = _practice_matrix(
        total=practices,
        by_value=followups.practices_applied(user=user, filters=filters, dimension=by))
    tables = []
    for key, dimension in followups.DIMENSIONS.items():
        kept = {row["value"]: row for row in followups.retention(
            user=user, filters=filters, dimension=key)}
        rows = followups.followups_done(user=user, filters=filters, dimension=key)
        for row in rows:
            row["retention"] = kept.get(row["value"])
        tables.append({"key": key, "dimension": dimension, "rows": rows})
    return render(request, "reporting/followups.html", {
        "form": form, "filters": filters, "query": query,
        "followups": followups.followups_panel(user=user, filters=filters),
        "tables": tables, "practice_columns": columns, "practice_rows": matrix,
        "by": by, "dimensions": followups.DIMENSIONS,
    })
