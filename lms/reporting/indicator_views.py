"""The indicator report (`/dashboard/indicators/`): a period and the dashboard's filters,
every section of `indicators.SECTION_PROVIDERS`, printable on A4 or saved as PDF by the
browser; and the reactions page (`/dashboard/reactions/`), rolled up with charts."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from curriculum.selectors import course_titles_by_code
from lms.evaluations.charts import score_bars
from lms.evaluations.selectors import by_topic, rollup, summary

from . import indicators
from .views import _filtered, coordinator_required


def _cells(section: indicators.Section, row: dict) -> list[dict]:
    return [{"value": row.get(column.key), "kind": column.kind} for column in section.columns]


def _laid_out(section: indicators.Section) -> dict:
    """A section as the template draws it: the total's cells, then a table per dimension
    (None where the section has no figures by that dimension)."""
    tables = []
    for key, dimension in indicators.DIMENSIONS.items():
        rows = section.rows.get(key)
        tables.append({"dimension": dimension, "rows": None if rows is None else [
            {"label": row["label"], "cells": _cells(section, row)} for row in rows]})
    return {"section": section, "total": _cells(section, section.total), "tables": tables}


@require_GET
@coordinator_required
def indicator_report(request):
    form, filters, query = _filtered(request)
    sections = indicators.indicator_report(user=request.user, filters=filters)
    return render(request, "reporting/indicators.html", {
        "form": form, "filters": filters, "query": query,
        "sections": [_laid_out(section) for section in sections],
    })


def _named(rows: list[dict], names: dict) -> list[dict]:
    for row in rows:
        row["label"] = names.get(row["value"], row["value"]) if row["value"] is not None \
            else "—"
    return rows


@require_GET
@coordinator_required
def reactions(request):
    """Reaction scores rolled up by course, facilitator, region and cascade level."""
    form, filters, query = _filtered(request)
    report = indicators.Report(user=request.user, filters=filters,
                               enrollments=None, cohorts=indicators.cohorts_in_scope(
                                   user=request.user, filters=filters))
    responses = indicators.reaction_responses(report)
    people = {row["cohort__facilitators"]: " ".join(
        filter(None, [row["cohort__facilitators__first_name"],
                      row["cohort__facilitators__last_name"]]))
        for row in responses.values("cohort__facilitators", "cohort__facilitators__first_name",
                                    "cohort__facilitators__last_name").distinct().order_by()}
    groups = [
        ("course", _named(rollup(responses=responses, field="cohort__course__code"),
                          course_titles_by_code())),
        ("facilitator", _named(rollup(responses=responses, field="cohort__facilitators"),
                               people)),
        ("region", _named(rollup(responses=responses, field="cohort__region__name"), {})),
        ("level", _named(rollup(responses=responses, field="cohort__level"), {})),
    ]
    topics = by_topic(responses=responses)
    return render(request, "reporting/reactions.html", {
        "form": form, "filters": filters, "query": query,
        "summary": summary(responses=responses),
        "topics": topics, "topics_chart": score_bars(topics),
        "groups": [{"key": key, "rows": rows, "chart": score_bars(rows)}
                   for key, rows in groups],
    })
