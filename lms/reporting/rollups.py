"""Per-cohort totals behind the dashboard (`models.CohortTotals`, `models.RepeatTrainee`).

A cohort's rows are recomputed from scratch from its enrollments whenever something that moves
a figure changes (the services call `lms.cohorts.figures`, plugged to `totals_refresh` in
`ReportingConfig.ready`), in the transaction of that change: exact by construction, never
incremented. The cohort's follow-up totals (`models.FollowUpTotals`) are recomputed with
them. `totals_rebuild` (`manage.py rebuild_totals`) recomputes everything, e.g. after a
bulk load; `totals_drift` lists the cohorts whose stored rows differ from a recomputation."""

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q

from lms.accounts.models import User
from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.selectors import attendance_counts
from lms.followups.models import FollowUp
from lms.quizzes.selectors import enrollments_with_scores, retest_score

from . import dashboard_cache
from .models import CohortTotals, FollowUpTotals, RepeatTrainee
from .scope import certified_condition

BATCH = 500  # cohorts per recomputation query
DONE = Q(answered_at__isnull=False)
KEY = ("cohort_id", "grain", "sex", "function", "org_kind")
GRAIN = CohortTotals.Grain
COUNTS = ("enrolments", "active", "completed", "certified", "days_present", "days_excused",
          "days_recorded", "pre_count", "post_count", "pairs", "retests")
SUMS = ("pre_sum", "post_sum", "gain_sum", "retest_post_sum", "retest_sum")
FOLLOWUP_KEY = ("cohort_id", "org_kind", "months", "due_date")
FOLLOWUP_COUNTS = ("followups", "answered", "trained_others")


def _enrollment_rows(cohort_ids: list[int]):
    """Per enrollment, exactly what the direct queries read: the trainee's dimensions, status,
    certificate, attendance counts and the quiz engine's pre/post and retention scores."""
    enrollments = Enrollment.objects.filter(cohort_id__in=cohort_ids).annotate(
        **attendance_counts("attendances"), is_certified=certified_condition(),
        retest_score=retest_score())
    return enrollments_with_scores(enrollments=enrollments).order_by().values_list(
        "cohort_id", "trainee__sex", "trainee__function", "trainee__organisation__kind",
        "status", "is_certified", "days_present", "days_excused", "days_recorded",
        "pre_score", "post_score", "retest_score")


def totals_computed(cohort_ids: list[int]) -> list[CohortTotals]:
    """The rows `cohort_ids` should have, computed from their enrollments (not saved)."""
    groups: dict[tuple, CohortTotals] = {}
    for cohort_id, sex, function, org_kind, *measures in _enrollment_rows(cohort_ids):
        for key in ((cohort_id, GRAIN.COHORT, "", "", None),
                    (cohort_id, GRAIN.ORG_KIND, "", "", org_kind),
                    (cohort_id, GRAIN.TRAINEE_KIND, sex, function, org_kind)):
            row = groups.get(key)
            if row is None:
                row = groups[key] = CohortTotals(
                    **dict(zip(KEY, key, strict=True)),
                    **{name: Decimal(0) for name in SUMS})
            _add(row, tuple(measures))
    return list(groups.values())


def _add(row: CohortTotals, measures: tuple) -> None:
    status, certified, present, excused, recorded, pre, post, retest = measures
    row.enrolments += 1
    row.active += status != Enrollment.Status.WITHDRAWN
    row.completed += status == Enrollment.Status.COMPLETED
    row.certified += bool(certified)
    row.days_present += present
    row.days_excused += excused
    row.days_recorded += recorded
    if pre is not None:
        row.pre_count, row.pre_sum = row.pre_count + 1, row.pre_sum + pre
    if post is not None:
        row.post_count, row.post_sum = row.post_count + 1, row.post_sum + post
    if pre is not None and post is not None:
        row.pairs, row.gain_sum = row.pairs + 1, row.gain_sum + (post - pre)
    if post is not None and retest is not None:
        row.retests += 1
        row.retest_post_sum, row.retest_sum = row.retest_post_sum + post, row.retest_sum + retest


def followup_totals_computed(cohort_ids: list[int]) -> list[FollowUpTotals]:
    """The follow-up rows `cohort_ids` should have (not saved)."""
    rows = (FollowUp.objects.filter(enrollment__cohort_id__in=cohort_ids).order_by()
            .values_list("enrollment__cohort_id", "enrollment__trainee__organisation__kind",
                         "months", "due_date")
            .annotate(n=Count("pk"), n_answered=Count("pk", filter=DONE),
                      n_trained=Count("pk", filter=DONE & Q(trained_others=True))))
    return [FollowUpTotals(**dict(zip(FOLLOWUP_KEY + FOLLOWUP_COUNTS, row, strict=True)))
            for row in rows]


def _batches(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start:start + BATCH]


def _mark_repeats(trainee_ids: list[int] | None) -> None:
    """Record who is now enrolled in more than one cohort (`None`: everyone)."""
    enrollments = Enrollment.objects.order_by()
    if trainee_ids is not None:
        enrollments = enrollments.filter(trainee_id__in=trainee_ids)
    repeats = (enrollments.values("trainee_id").annotate(n=Count("pk")).filter(n__gt=1)
               .values_list("trainee_id", flat=True))
    RepeatTrainee.objects.bulk_create([RepeatTrainee(trainee_id=pk) for pk in repeats],
                                      ignore_conflicts=True, batch_size=2000)


def totals_refresh(*, cohort_ids: list[int], trainee_ids: list[int] = ()) -> None:
    """Recompute the totals of `cohort_ids`; `trainee_ids` gained an enrollment.

    The cohort rows (then the trainees' rows) are locked first, in id order: two transactions
    refreshing the same cohort run one after the other, and the second one's reads (a new
    snapshot on PostgreSQL once the lock is granted) include what the first committed."""
    cohort_ids, trainee_ids = sorted(set(cohort_ids)), sorted(set(trainee_ids))
    with transaction.atomic():
        list(Cohort.objects.select_for_update().filter(pk__in=cohort_ids).order_by("pk")
             .values_list("pk", flat=True))
        if trainee_ids:
            list(User.objects.select_for_update().filter(pk__in=trainee_ids).order_by("pk")
                 .values_list("pk", flat=True))
        for batch in _batches(cohort_ids):
            CohortTotals.objects.filter(cohort_id__in=batch).delete()
            CohortTotals.objects.bulk_create(totals_computed(batch))
            FollowUpTotals.objects.filter(cohort_id__in=batch).delete()
            FollowUpTotals.objects.bulk_create(followup_totals_computed(batch))
        if trainee_ids:
            _mark_repeats(trainee_ids)
        dashboard_cache.figures_changed()


def totals_rebuild() -> int:
    """Recompute every cohort's totals and the repeat trainees; returns the rows written."""
    written = 0
    with transaction.atomic():
        CohortTotals.objects.all().delete()
        FollowUpTotals.objects.all().delete()
        RepeatTrainee.objects.all().delete()
        ids = list(Cohort.objects.order_by("pk").values_list("pk", flat=True))
        for batch in _batches(ids):
            written += len(CohortTotals.objects.bulk_create(totals_computed(batch),
                                                            batch_size=2000))
            written += len(FollowUpTotals.objects.bulk_create(followup_totals_computed(batch),
                                                              batch_size=2000))
        _mark_repeats(None)
        dashboard_cache.figures_changed()
    return written


def _comparable(rows: Iterable[CohortTotals]) -> set[tuple]:
    return {tuple(getattr(row, name) for name in KEY + COUNTS)
            + tuple(Decimal(getattr(row, name)).quantize(Decimal("0.01")) for name in SUMS)
            for row in rows}


def _followup_comparable(rows: Iterable[FollowUpTotals]) -> set[tuple]:
    return {tuple(getattr(row, name) for name in FOLLOWUP_KEY + FOLLOWUP_COUNTS)
            for row in rows}


def _per_cohort(rows: Iterable) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row.cohort_id, []).append(row)
    return grouped


def totals_drift() -> list[int]:
    """Cohorts whose stored totals (or follow-up totals) differ from a recomputation (empty
    when exact), and trainees in several cohorts not listed as such (as negative ids)."""
    drifted = []
    ids = list(Cohort.objects.order_by("pk").values_list("pk", flat=True))
    for batch in _batches(ids):
        stored = _per_cohort(CohortTotals.objects.filter(cohort_id__in=batch))
        computed = _per_cohort(totals_computed(batch))
        stored_followups = _per_cohort(FollowUpTotals.objects.filter(cohort_id__in=batch))
        computed_followups = _per_cohort(followup_totals_computed(batch))
        drifted += [
            pk for pk in batch
            if _comparable(stored.get(pk, [])) != _comparable(computed.get(pk, []))
            or _followup_comparable(stored_followups.get(pk, []))
            != _followup_comparable(computed_followups.get(pk, []))]
    listed = set(RepeatTrainee.objects.values_list("trainee_id", flat=True))
    repeats = (Enrollment.objects.order_by().values("trainee_id").annotate(n=Count("pk"))
               .filter(n__gt=1).values_list("trainee_id", flat=True))
    drifted += [-pk for pk in repeats if pk not in listed]
    return drifted
