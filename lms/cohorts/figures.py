"""The seam through which every change that moves a dashboard figure reaches the reporting
app's per-cohort totals (`lms/reporting/rollups.py`), which the cohorts app never imports.

Services call these inside the transaction of their change (enrolment, withdrawal, status,
attendance, profile, organisation type; the quiz and certificate services do the same for
scores and certificates); `ReportingConfig.ready` plugs the refresh in. Tests may replace
`seams.refresh` to isolate a rule."""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import connection

from .models import Enrollment


def _no_totals(*, cohort_ids: list[int], trainee_ids: list[int]) -> None:
    return None


@dataclass
class FigureSeams:
    refresh: Callable[..., None] = _no_totals


seams = FigureSeams()
# Inside `figures_deferred()`: the cohorts and trainees changed so far, refreshed on the way out.
_deferred: ContextVar[tuple[set[int], set[int]] | None] = ContextVar("figures_deferred",
                                                                    default=None)


@contextmanager
def figures_deferred() -> Iterator[None]:
    """Refresh the figures of every cohort changed inside the block once, on the way out,
    instead of once per change: for bulk loads (the demo, generated data) whose hundreds of
    changes touch the same cohorts. Use it inside the block's transaction; if the block
    raises inside a transaction, that transaction rolls back and nothing is refreshed."""
    if _deferred.get() is not None:  # nested: the outermost block refreshes
        yield
        return
    changed: tuple[set[int], set[int]] = (set(), set())
    token = _deferred.set(changed)
    try:
        yield
    except BaseException:
        if connection.in_atomic_block:  # the transaction rolls back: nothing to count
            changed[0].clear()
        raise
    finally:
        _deferred.reset(token)
        _refresh(*changed)


def _refresh(cohort_ids: set[int], trainee_ids: set[int]) -> None:
    if cohort_ids:
        seams.refresh(cohort_ids=sorted(cohort_ids), trainee_ids=sorted(trainee_ids))


def cohorts_changed(*, cohort_ids: Iterable[int], trainee_ids: Iterable[int] = ()) -> None:
    """The cohorts' figures changed; `trainee_ids` are people who gained an enrollment (so may
    now be in several cohorts)."""
    cohort_ids = {pk for pk in cohort_ids if pk is not None}
    deferred = _deferred.get()
    if deferred is None:
        _refresh(cohort_ids, set(trainee_ids))
    elif cohort_ids:
        deferred[0].update(cohort_ids)
        deferred[1].update(trainee_ids)


def trainees_changed(*, trainee_ids: Iterable[int]) -> None:
    """Something about these people changed (profile, organisation, scores): every cohort
    they are enrolled in."""
    trainee_ids = list(trainee_ids)
    cohorts_changed(cohort_ids=Enrollment.objects.filter(trainee_id__in=trainee_ids)
                    .values_list("cohort_id", flat=True))
