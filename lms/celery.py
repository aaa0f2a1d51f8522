"""Celery application. Start a worker with: celery -A lms worker -l info"""

import gc
import logging
import os

from celery import Celery
from celery.signals import after_setup_logger, after_setup_task_logger, worker_process_init

from lms.core.log_filters import RedactPersonalData

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@after_setup_logger.connect
@after_setup_task_logger.connect
def mask_personal_data(logger: logging.Logger, **kwargs) -> None:
    """Celery replaces the root logger's handlers with its own (worker and beat alike), and the
    task logger does not propagate: put the filter that masks phones and e-mail addresses on
    each of them, as Django's LOGGING does for the web processes."""
    for handler in logger.handlers:
        if not any(isinstance(f, RedactPersonalData) for f in handler.filters):
            handler.addFilter(RedactPersonalData())


@worker_process_init.connect
def freeze_loaded(**kwargs) -> None:
    """As `lms/wsgi.py` does for a web process: what a worker process has loaded when it starts
    (Django, the apps, the tasks) lives as long as it, out of the garbage collector's reach."""
    gc.freeze()
