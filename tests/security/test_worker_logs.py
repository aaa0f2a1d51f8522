"""The Celery worker logs through the personal-data filter too: a real worker, its real output.

Celery replaces the handlers Django's LOGGING installed; lms/celery.py puts the filter back on
Celery's own. Broker: Redis database 13 (this test's own number)."""

import os
import subprocess
import sys

import pytest

from django.conf import settings

from lms.celery import app as celery_app
from tests import processes
from tests.conftest import redis_url

BROKER = redis_url(13)  # this test's own Redis database
PHONE = "+22376123456"
EMAIL = "aminata.traore@example.org"


@pytest.fixture
def broker():
    from kombu import Connection

    with Connection(BROKER) as conn:
        conn.default_channel.client.flushdb()  # our own database number only
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url)
    conf.task_always_eager, conf.broker_url = False, BROKER
    celery_app._pool = celery_app.amqp._producer_pool = None
    yield
    celery_app.pool.force_close_all()
    conf.task_always_eager, conf.broker_url = saved
    celery_app._pool = celery_app.amqp._producer_pool = None


@pytest.mark.redis
def test_worker_output_masks_phones_and_emails(broker, tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
           "CELERY_BROKER_URL": BROKER, "CELERY_TASK_ALWAYS_EAGER": "0",
           "MEDIA_ROOT": str(settings.MEDIA_ROOT), "AXES_ENABLED": "0"}
    with processes.running(processes.celery_worker("personal-data"), env=env,
                           log=tmp_path / "worker.log", name="worker", seconds=120,
                           ready=lambda: "ready." in (tmp_path / "worker.log").read_text()
                           ) as worker:
        # The worker logs a message it cannot run with its whole body (main process) ...
        celery_app.send_task("lms.no_such_task", args=[PHONE, EMAIL])
        # ... and a task's error when it retries (the task's own process).
        celery_app.send_task("lms.certificates.tasks.certificate_render_task", args=[PHONE])
        processes.wait_until(
            lambda: "unregistered task" in worker.output(10**6)
            and "retry" in worker.output(10**6).lower(),
            seconds=60, why="the worker to log both messages", process=worker)
        output = worker.output(10**6)

    assert "[phone]" in output and "[email]" in output
    assert "76123456" not in output and EMAIL not in output, output[-3000:]


SETUP = f"""
import logging
import django
from lms.celery import app
django.setup()
app.log.setup(loglevel="INFO")  # what `celery worker` and `celery beat` both call
logging.getLogger("lms.anything").warning("root handler: {PHONE} {EMAIL}")
from celery.utils.log import get_task_logger
get_task_logger("lms.some_task").warning("task logger: {PHONE} {EMAIL}")
"""


def test_celery_logging_setup_masks_on_every_handler(tmp_path):
    """Beat and the task logger (which does not propagate) use the same set-up."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'beat.sqlite3'}"}
    result = subprocess.run([sys.executable, "-c", SETUP], cwd=processes.ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "root handler: [phone] [email]" in output
    assert "task logger: [phone] [email]" in output
    assert "76123456" not in output and EMAIL not in output
