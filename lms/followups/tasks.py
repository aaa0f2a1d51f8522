"""Celery tasks: beat's daily run and the sending of one notice (ids in, retries on the
temporary failures of a channel, as lms/certificates/tasks.py)."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)

RETRY = {
    "autoretry_for": (Exception,), "retry_backoff": 30, "retry_backoff_max": 120,
    "retry_jitter": True, "max_retries": 5, "acks_late": True,
    "soft_time_limit": 60, "time_limit": 90,
}


@shared_task(bind=True, **RETRY)
def notice_send_task(self, notice_id: int) -> bool:
    return services.notice_send(notice_id=notice_id)


@shared_task(acks_late=True)
def followups_due_task() -> dict:
    return services.followups_run()


def notice_send_enqueue(notice_id: int) -> None:
    """Send a task; if the broker is unreachable, the notice stays PENDING for beat's next run."""
    try:
        notice_send_task.delay(notice_id)
    except Exception:
        logger.exception("Could not queue follow-up notice %s; beat will retry", notice_id)
