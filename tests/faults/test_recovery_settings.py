"""How long a lost task takes to come back, read from the settings: minutes, not an hour.
The real thing (workers killed with SIGKILL) is in test_worker_killed.py."""

from django.conf import settings

from lms.celery import app as celery_app

MINUTES = 60


def test_a_killed_worker_loses_nothing_for_more_than_minutes():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert visibility <= 10 * MINUTES
    beat = settings.CELERY_BEAT_SCHEDULE["certificates-render-pending"]["schedule"]
    assert beat <= 1 * MINUTES
    assert settings.CERTIFICATES_PENDING_AFTER_MINUTES * MINUTES + beat <= 5 * MINUTES


def test_no_task_outlives_the_visibility_timeout():
    """A task still running (or waiting for a retry's countdown) when the visibility timeout
    passes is handed to a second worker: every limit and countdown stays below it."""
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT < visibility
    celery_app.loader.import_default_modules()
    ours = [task for name, task in celery_app.tasks.items() if name.startswith("lms.")]
    assert len(ours) >= 4
    for task in ours:
        assert (task.time_limit or settings.CELERY_TASK_TIME_LIMIT) < visibility, task.name
        if getattr(task, "autoretry_for", ()):
            assert task.retry_backoff_max < visibility, task.name
        assert (task.default_retry_delay or 0) < visibility, task.name
