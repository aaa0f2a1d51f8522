"""Celery tasks: ids in, a service call, retries with backoff. The rules live in rendering.py."""

from celery import shared_task

from . import rendering

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
