"""The seam through which every change that moves a dashboard figure reaches the reporting
app's per-cohort totals (`lms/reporting/rollups.py`), which the cohorts app never imports.

Services call these inside the transaction of their change (enrolment, withdrawal, status,
attendance, profile, organisation type; the quiz and certificate services do the same for
scores and certificates); `ReportingConfig.ready` plugs the refresh in. Tests may replace
`seams.refresh` to isolate a rule."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import Enrollment


def _no_totals(*, cohort_ids: list[int], trainee_ids: list[int]) -> None:
    return None


@dataclass
class FigureSeams:
    refresh: Callable[..., None] = _no_totals


seams = FigureSeams()


def cohorts_changed(*, cohort_ids: Iterable[int], trainee_ids: Iterable[int] = ()) -> None:
    """The cohorts' figures changed; `trainee_ids` are people who gained an enrollment (so may
    now be in several cohorts)."""
    cohort_ids = sorted({pk for pk in cohort_ids if pk is not None})
    if cohort_ids:
        seams.refresh(cohort_ids=cohort_ids, trainee_ids=sorted(set(trainee_ids)))


def trainees_changed(*, trainee_ids: Iterable[int]) -> None:
    """Something about these people changed (profile, organisation, scores): every cohort
    they are enrolled in."""
    trainee_ids = list(trainee_ids)
    cohorts_changed(cohort_ids=Enrollment.objects.filter(trainee_id__in=trainee_ids)
                    .values_list("cohort_id", flat=True))
