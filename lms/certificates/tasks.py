"""Celery tasks: ids in, a service call, retries with backoff. The rules live in rendering.py;
the rules hand work over through `services.queue`, which the helpers at the end fill."""

import logging

from celery import shared_task

from . import rendering

logger = logging.getLogger(__name__)

RETRY = {
    "autoretry_for": (Exception,), "retry_backoff": 5, "retry_backoff_max": 600,
    "retry_jitter": True, "max_retries": 5, "acks_late": True,
}


@shared_task(bind=True, **RETRY)
def certificate_render_task(self, certificate_id: int) -> bool:
    final = self.request.retries >= self.max_retries
    return rendering.certificate_render(certificate_id=certificate_id, final_attempt=final)


@shared_task(bind=True, **RETRY)
def certificate_notify_task(self, certificate_id: int) -> bool:
    return rendering.certificate_notify(certificate_id=certificate_id)


@shared_task(acks_late=True)
def certificates_render_pending_task() -> int:
    return rendering.certificates_render_pending()


def enqueue(task, *args) -> None:
    """Send a task; if the broker is unreachable, log it and leave the sweep to retry."""
    try:
        task.delay(*args)
    except Exception:  # broker down, or an eager run that failed: the row says what is pending
        logger.exception("Could not run %s%r now; certificates_render_pending will retry",
                         task.name, args)


def certificate_render_enqueue(certificate_id: int) -> None:
    enqueue(certificate_render_task, certificate_id)


def certificate_notify_enqueue(certificate_id: int) -> None:
    enqueue(certificate_notify_task, certificate_id)
