"""A checked roster becomes a RosterImport; confirming it imports it at once when it is small,
or queues a task when it is large, so no request holds a web worker for long.

The import itself is `roster_import`: all or nothing, checked again. `roster_job_run` is safe
to run twice (a redelivered task, a double click): it locks the job row and does nothing once
the job has finished, and the job is marked done in the same transaction that enrols, so a
crash between the two cannot enrol twice.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import Cohort, RosterImport
from .reading import RawRow
from .roster import RosterPreview, RosterRejected, roster_import

logger = logging.getLogger(__name__)
UNCONFIRMED_KEPT = datetime.timedelta(days=1)


def task_min_rows() -> int:
    """Rosters with at least this many rows are imported by a Celery task."""
    return getattr(settings, "ROSTER_TASK_MIN_ROWS", 200)


class Queue:
    """The seam to the task that runs a job later: tasks.py plugs it in at start-up
    (`CohortsConfig.ready`), so these rules never import the tasks that call them."""

    def run(self, job_id: int) -> None:
        raise RuntimeError("The cohorts app is not ready: nothing is plugged into `queue`.")


queue = Queue()


def _raw_rows(job: RosterImport) -> list[RawRow]:
    return [RawRow(number=row["number"], values=row["values"]) for row in job.rows]


def roster_job_prepare(*, cohort: Cohort, actor, file_name: str,
                       raw_rows: list[RawRow]) -> RosterImport:
    """Keep checked rows until the person confirms (their earlier unconfirmed ones go, and
    anyone's left unconfirmed for a day: the rows are personal data)."""
    with transaction.atomic():
        RosterImport.objects.filter(status=RosterImport.Status.CHECKED).filter(
            Q(cohort=cohort, requested_by=actor)
            | Q(created_at__lt=timezone.now() - UNCONFIRMED_KEPT)).delete()
        return RosterImport.objects.create(
            cohort=cohort, requested_by=actor, file_name=file_name[:255], total=len(raw_rows),
            rows=[{"number": row.number, "values": row.values} for row in raw_rows],
        )


def roster_job_runs_later(job: RosterImport) -> bool:
    return job.total >= task_min_rows()


def roster_job_queue(*, job: RosterImport, choices: dict | None = None) -> RosterImport:
    """Hand a confirmed job to a worker once this transaction commits."""
    with transaction.atomic():
        updated = RosterImport.objects.filter(pk=job.pk, status=RosterImport.Status.CHECKED) \
            .update(status=RosterImport.Status.QUEUED, choices=choices or {},
                    queued_at=timezone.now())
        if updated:
            transaction.on_commit(lambda: _send(job.pk))
    job.refresh_from_db()
    return job


def _send(job_id: int) -> None:
    try:
        queue.run(job_id)
    except Exception:  # broker down: say so on the progress page rather than wait forever
        logger.exception("Could not queue roster import %s", job_id)
        roster_job_fail(job_id=job_id, message=_("The import could not be started. Nothing "
                                                 "was saved: upload the file again later."))


def roster_job_fail(*, job_id: int, message: str) -> None:
    RosterImport.objects.filter(pk=job_id).exclude(status=RosterImport.Status.DONE).update(
        status=RosterImport.Status.FAILED, errors=[message], finished_at=timezone.now(), rows=[])


def stuck_after() -> datetime.timedelta:
    """How long a queued or running job may take before it counts as lost: longer than a
    task's hard time limit plus the broker's redelivery of a dead worker's message (see
    settings), so the sweep never fails a job that is only slow or waiting its turn."""
    return datetime.timedelta(minutes=settings.BACKGROUND_JOBS_STUCK_AFTER_MINUTES)


def roster_jobs_fail_stuck(*, older_than: datetime.timedelta | None = None) -> int:
    """Mark failed the imports queued or running for longer than `older_than`: their worker
    died and no redelivery ran them. Nothing of theirs was written (the import is one
    transaction that also marks the job done), so "upload again" is the truth. The update is
    conditional: a job that finishes meanwhile keeps its result, and a late redelivery of
    its task finds it finished and does nothing. Returns how many were marked."""
    cutoff = timezone.now() - (older_than or stuck_after())
    unfinished = [RosterImport.Status.QUEUED, RosterImport.Status.RUNNING]
    stuck = RosterImport.objects.filter(status__in=unfinished).filter(
        Q(queued_at__lt=cutoff) | Q(queued_at__isnull=True, created_at__lt=cutoff))
    marked = 0
    for job in stuck.select_related("requested_by").only("pk", "requested_by__language"):
        language = getattr(job.requested_by, "language", "") or settings.LANGUAGE_CODE
        with translation.override(language):
            message = _("The import was interrupted: the server stopped before it finished. "
                        "Nothing was saved: upload the file again.")
        marked += RosterImport.objects.filter(pk=job.pk, status__in=unfinished).update(
            status=RosterImport.Status.FAILED, errors=[message], finished_at=timezone.now(),
            rows=[])
        logger.warning("Roster import %s was stuck: marked failed", job.pk)
    return marked


def roster_job_run(*, job_id: int, choices: dict | None = None) -> RosterPreview | None:
    """Import a confirmed job, once. Returns the preview when it ran, None when it had
    already finished; raises RosterRejected (job marked failed) when a row has become wrong."""
    RosterImport.objects.filter(pk=job_id, status=RosterImport.Status.QUEUED).update(
        status=RosterImport.Status.RUNNING)
    try:
        with transaction.atomic():
            job = RosterImport.objects.select_for_update(of=("self",)).select_related(
                "cohort", "requested_by").get(pk=job_id)  # requested_by may be null
            if job.finished:
                return None
            if choices is not None:
                job.choices = choices
            preview = roster_import(cohort=job.cohort, raw_rows=_raw_rows(job),
                                    by=job.requested_by,
                                    organisations=job.choices.get("organisations"))
            job.status = RosterImport.Status.DONE
            job.enrolled, job.created_accounts = len(preview.rows), preview.created
            job.errors, job.finished_at, job.rows = [], timezone.now(), []  # done with them
            job.save()
    except RosterRejected as rejected:
        RosterImport.objects.filter(pk=job_id).update(
            status=RosterImport.Status.FAILED, errors=rejection_messages(rejected.preview),
            finished_at=timezone.now(), rows=[])
        raise
    except PermissionDenied:  # e.g. the trainer closed their session meanwhile: no retry
        roster_job_fail(job_id=job_id, message=_(
            "You may no longer enrol people in this cohort (it was closed or validated "
            "meanwhile). Nothing was saved."))
        return None
    return preview


def rejection_messages(preview: RosterPreview) -> list[str]:
    messages = list(preview.file_errors)
    for row in preview.error_rows:
        messages.extend(_("Row %(row)s: %(error)s") % {"row": row.number, "error": error}
                        for error in row.errors)
    return messages

