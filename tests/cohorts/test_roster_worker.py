"""Integration: a REAL `celery -A lms worker` process, Redis as broker, the test database on
PostgreSQL, imports a large roster queued by the ordinary service code; the task delivered
twice (as after a lost acknowledgement) enrols everyone once."""

import os
import time

import pytest

from django.db import connection

from lms.accounts import roles
from lms.celery import app as celery_app
from lms.cohorts.importers import jobs, read_roster
from lms.cohorts.models import Enrollment, RosterImport
from lms.cohorts.tasks import roster_import_task
from tests import processes
from tests.conftest import redis_url
from tests.factories import UserFactory, make_cohort

BROKER = redis_url(11)  # the rosters' own Redis database (7-15 are free)


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
           "CELERY_BROKER_URL": BROKER, "CELERY_TASK_ALWAYS_EAGER": "0", "AXES_ENABLED": "0"}
    with processes.running(processes.celery_worker("rosters-test"), env=env,
                           log=tmp_path / "worker.log", name="celery worker") as process:
        yield process


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_real_worker_imports_a_large_roster_once(site_tree, broker_queue, worker, tmp_path):
    cohort = make_cohort(course=site_tree["course"], capacity=300)
    national = UserFactory(roles=[roles.NATIONAL_COORDINATOR])
    lines = ["Prénom;Nom;Région;Téléphone"] + [
        f"Awa{n};Diallo{n};Kayes;+223 70 {n:06d}" for n in range(250)]
    job = jobs.roster_job_prepare(cohort=cohort, actor=national, file_name="liste.csv",
                                  raw_rows=read_roster(name="liste.csv",
                                                       data="\n".join(lines).encode()))
    assert jobs.roster_job_runs_later(job)
    jobs.roster_job_queue(job=job)  # autocommit: sent at once
    roster_import_task.delay(job.pk)  # and once more, as a redelivery would
    deadline = time.monotonic() + 240  # a loaded CI machine can take a while to boot Django
    log_path = tmp_path / "worker.log"
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.finished and log_path.read_text().count("succeeded") >= 2:
            break
        assert worker.alive(), worker.output()
        time.sleep(0.5)
    log = log_path.read_text()
    assert job.status == RosterImport.Status.DONE, (job.errors, log[-3000:])
    assert (job.enrolled, job.created_accounts) == (250, 250)
    assert log.count("succeeded") >= 2, log[-3000:]
    assert Enrollment.objects.filter(cohort=cohort).count() == 250
