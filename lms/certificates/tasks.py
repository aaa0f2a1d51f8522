"""Celery tasks: ids in, a service call, retries with backoff. The rules live in rendering.py;
the rules hand work over through `services.queue`, which the helpers at the end fill."""

import logging

from celery import shared_task
from celery.signals import worker_ready

from . import rendering

logger = logging.getLogger(__name__)

# Countdowns stay well under the broker's visibility timeout (settings: CELERY_VISIBILITY_TIMEOUT),
# or Redis would hand a retry still waiting for its countdown to a second worker. Rendering a
# page takes well under a second: a render or e-mail past a minute and a half is stuck.
RETRY = {
    "autoretry_for": (Exception,), "retry_backoff": 5, "retry_backoff_max": 120,
    "retry_jitter": True, "max_retries": 5, "acks_late": True,
    "soft_time_limit": 90, "time_limit": 120,
}


@shared_task(bind=True, **RETRY)
def certificate_render_task(self, certificate_id: int) -> bool:
    final = self.request.retries >= self.max_retries
    return rendering.certificate_render(certificate_id=certificate_id, final_attempt=final)


@shared_task(bind=True, **RETRY)
def certificates_render_batch_task(self, certificate_ids: list[int]) -> int:
    return rendering.certificates_render_many(certificate_ids=certificate_ids)


@shared_task(bind=True, **RETRY)
def certificate_notify_task(self, certificate_id: int) -> bool:
    return rendering.certificate_notify(certificate_id=certificate_id)


@shared_task(acks_late=True)
def certificates_render_pending_task() -> int:
    return rendering.certificates_render_pending()


@worker_ready.connect
def sweep_when_a_worker_starts(sender, **kwargs) -> None:
    """A worker starting is often a worker restarted after dying mid-task: look for lost
    certificates now rather than at beat's next minute (and even if beat is not running)."""
    try:
        certificates_render_pending_task.delay()
    except Exception:
        logger.exception("Could not queue the pending-certificates sweep at worker start")


def enqueue(task, *args) -> None:
    """Send a task; if the broker is unreachable, log it and leave the sweep to retry."""
    try:
        task.delay(*args)
    except Exception:  # broker down, or an eager run that failed: the row says what is pending
        logger.exception("Could not run %s%r now; certificates_render_pending will retry",
                         task.name, args)


def certificate_render_enqueue(certificate_id: int) -> None:
    enqueue(certificate_render_task, certificate_id)


def certificates_render_batch_enqueue(certificate_ids: list[int]) -> None:
    enqueue(certificates_render_batch_task, certificate_ids)


def certificate_notify_enqueue(certificate_id: int) -> None:
    enqueue(certificate_notify_task, certificate_id)
