"""Celery tasks of the cohorts app: an id in, a service call, retries with backoff."""

import logging

from celery import shared_task

from django.utils.translation import gettext as _

from .importers import jobs
from .importers.roster import RosterRejected

logger = logging.getLogger(__name__)


@shared_task(bind=True, autoretry_for=(Exception,),
             retry_backoff=5, retry_backoff_max=120, retry_jitter=True, max_retries=3,
             acks_late=True)
def roster_import_task(self, job_id: int) -> bool:
    try:
        jobs.roster_job_run(job_id=job_id)
    except RosterRejected:
        return False  # the job says why; nothing was written
    except Exception:
        if self.request.retries >= self.max_retries:
            jobs.roster_job_fail(job_id=job_id, message=_(
                "The import failed because of an error on the server. Nothing was saved."))
        raise
    return True


def roster_import_enqueue(job_id: int) -> None:
    roster_import_task.delay(job_id)


@shared_task
def roster_jobs_stuck_task() -> int:
    """Beat's sweep (`roster-imports-stuck`): imports whose worker died are marked failed."""
    return jobs.roster_jobs_fail_stuck()
