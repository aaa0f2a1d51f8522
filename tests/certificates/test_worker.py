"""Integration: a REAL `celery -A lms worker` process, Redis as broker, the test database on
PostgreSQL, renders a certificate queued by the ordinary service code."""

import os
import time
from pathlib import Path

import pypdf
import pytest

from django.conf import settings
from django.db import connection

from lms.celery import app as celery_app
from lms.certificates import services
from lms.certificates.models import Certificate
from tests import processes
from tests.certificates.factories import completed_enrollment
from tests.conftest import redis_url

BROKER = redis_url(4)  # the certificates' own Redis database


@pytest.fixture
def broker_queue():
    """Point this process's Celery at Redis (not eager) for the test, then restore."""
    from kombu import Connection

    with Connection(BROKER) as conn:
        conn.default_channel.client.delete("celery")  # stale messages from an aborted run
    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = False, BROKER
    celery_app._pool = celery_app.amqp._producer_pool = None  # no connection cached elsewhere
    yield
    celery_app.pool.force_close_all()
    celery_app._pool = celery_app.amqp._producer_pool = None
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = previous


@pytest.fixture
def worker(tmp_path, transactional_db):  # committed rows: the worker has its own connection
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "DATABASE_URL": processes.database_url(connection.settings_dict),
           "CELERY_BROKER_URL": BROKER, "CELERY_TASK_ALWAYS_EAGER": "0",
           "MEDIA_ROOT": str(settings.MEDIA_ROOT), "AXES_ENABLED": "0"}
    with processes.running(processes.celery_worker("certificates-test"), env=env,
                           log=tmp_path / "worker.log", name="celery worker") as process:
        yield process


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_real_worker_renders_the_pdf(site_tree, broker_queue, worker, tmp_path, caplog):
    certificate = services.certificate_issue_for_completion(  # autocommit: queued at once
        enrollment=completed_enrollment(course=site_tree["course"], first_name="Séga",
                                        last_name="Diakité"))
    assert "Could not run" not in caplog.text
    deadline = time.monotonic() + 240  # a loaded CI machine can take a while to boot Django
    while time.monotonic() < deadline:
        certificate.refresh_from_db()
        if certificate.render_status != Certificate.RenderStatus.PENDING:
            break
        assert worker.alive(), worker.output()
        time.sleep(0.5)
    log = (tmp_path / "worker.log").read_text()
    assert certificate.render_status == Certificate.RenderStatus.DONE, log[-3000:]
    path = Path(settings.MEDIA_ROOT) / certificate.pdf.name
    text = pypdf.PdfReader(path).pages[0].extract_text()
    assert "Séga Diakité" in text and certificate.code in text
    assert "certificate_render_task" in log and "succeeded" in log
