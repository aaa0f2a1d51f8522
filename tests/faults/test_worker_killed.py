"""A Celery worker killed (SIGKILL) in the middle of rendering a certificate.

- The restarted worker's start-up sweep finds the certificate and renders it within a minute,
  with production's broker settings (no beat, nobody running the sweep by hand).
- The unacknowledged message also comes back (acks_late) once the visibility timeout has
  passed, and the PDF is still rendered once, even with the sweep's message on top.

Real processes: Redis (database 6) as broker, the test database on PostgreSQL, two
`celery worker` processes in turn; the first renders deliberately slowly so the kill lands
mid-render. The thresholds are scaled down (seconds for minutes) where the test says so.
"""

import datetime
import os
import sys
import time
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection

from lms.celery import app as celery_app
from lms.certificates import rendering, services
from lms.certificates.models import Certificate, CertificateEvent
from tests import processes
from tests.conftest import redis_url
from tests.factories import UserFactory, enroll, make_cohort

BROKER = redis_url(6)  # the proof helper's own Redis database
VISIBILITY_SECONDS = 4
# Start a worker whose PDF rendering first sleeps SLOW_RENDER seconds (and whose visibility
# timeout is VISIBILITY seconds when that is set, production's otherwise).
WORKER = """
import os, sys, time
from lms.celery import app
if os.environ.get("VISIBILITY"):
    app.conf.broker_transport_options = {"visibility_timeout": int(os.environ["VISIBILITY"])}
import django
django.setup()
from lms.certificates import pdf
real = pdf.certificate_pdf
def slow(**kwargs):
    print("RENDER STARTED", flush=True)
    time.sleep(float(os.environ["SLOW_RENDER"]))
    return real(**kwargs)
pdf.certificate_pdf = slow
app.worker_main(["worker", "--pool", "solo", "--loglevel", "INFO", "--without-gossip",
                 "--without-mingle", "--without-heartbeat",
                 "--hostname", "proof-" + os.environ["SLOW_RENDER"] + "-%d@%%h" % os.getpid()])
"""


def _start_worker(tmp_path: Path, name: str, slow: float, **extra_env: str
                  ) -> processes.Process:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "DATABASE_URL": processes.database_url(connection.settings_dict),
           "CELERY_BROKER_URL": BROKER, "CELERY_TASK_ALWAYS_EAGER": "0",
           "MEDIA_ROOT": str(settings.MEDIA_ROOT), "AXES_ENABLED": "0", "SLOW_RENDER": str(slow),
           **extra_env}
    return processes.start([sys.executable, "-c", WORKER], env=env,
                           log=tmp_path / f"{name}.log", name=f"{name} worker")


def _renders_succeeded(worker: processes.Process) -> int:
    return sum(1 for line in worker.output(10**6).splitlines()
               if "certificate_render_task[" in line and "succeeded" in line)


def _completed_enrollment(site_tree: dict, first_name: str, last_name: str):
    trainee = UserFactory(first_name=first_name, last_name=last_name)
    (enrollment,) = enroll(make_cohort(course=site_tree["course"]), trainee)
    enrollment.status = enrollment.Status.COMPLETED
    enrollment.save(update_fields=["status"])
    return enrollment


@pytest.fixture
def redis_broker():
    from kombu import Connection

    with Connection(BROKER) as conn:
        conn.default_channel.client.flushdb()  # our own database number only
    saved = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = False, BROKER
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = saved
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_killed_mid_render_then_rendered_once(site_tree, redis_broker, tmp_path):
    trainee = UserFactory(first_name="Hawa", last_name="Dembélé")
    (enrollment,) = enroll(make_cohort(course=site_tree["course"]), trainee)
    enrollment.status = enrollment.Status.COMPLETED
    enrollment.save(update_fields=["status"])

    first = _start_worker(tmp_path, "first", slow=120, VISIBILITY=str(VISIBILITY_SECONDS))
    try:
        certificate = services.certificate_issue_for_completion(enrollment=enrollment)
        processes.wait_until(lambda: "RENDER STARTED" in first.output(), seconds=90,
                             why="the first worker to start rendering", process=first)
        first.kill()  # mid-render: no ack, no cleanup
    finally:
        first.stop()
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.PENDING
    assert not certificate.pdf

    time.sleep(VISIBILITY_SECONDS + 1)  # the lost message is now due for redelivery
    # The sweep queues the same certificate once more, as beat would.
    assert rendering.certificates_render_pending(older_than=datetime.timedelta(0)) == 1
    second = _start_worker(tmp_path, "second", slow=0, VISIBILITY=str(VISIBILITY_SECONDS))
    try:
        def done() -> bool:
            certificate.refresh_from_db()
            return certificate.render_status == Certificate.RenderStatus.DONE
        processes.wait_until(done, seconds=120, process=second,
                             why="the certificate to be rendered after the kill")
        processes.wait_until(lambda: _renders_succeeded(second) >= 2, seconds=60,
                             why="both the redelivered message and the sweep's to be consumed")
    finally:
        second.stop()

    assert (Path(settings.MEDIA_ROOT) / certificate.pdf.name).stat().st_size > 1000
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert CertificateEvent.objects.filter(
        certificate=certificate, action=CertificateEvent.Action.RENDERED).count() == 1


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_killed_then_restarted_renders_within_a_minute(site_tree, redis_broker,
                                                              tmp_path):
    """Production's broker settings (visibility timeout of 10 minutes), no beat, no manual
    sweep: the restarted worker's start-up sweep recovers the certificate. The pending
    threshold is scaled down to 3 seconds (production: 3 minutes, with beat every minute)."""
    enrollment = _completed_enrollment(site_tree, "Kadiatou", "Samaké")
    threshold = {"CERTIFICATES_PENDING_AFTER_MINUTES": "0.05"}

    first = _start_worker(tmp_path, "first", slow=120, **threshold)
    try:
        processes.wait_until(lambda: "ready." in first.output(), seconds=90,
                             why="the first worker to be ready", process=first)
        certificate = services.certificate_issue_for_completion(enrollment=enrollment)
        processes.wait_until(lambda: "RENDER STARTED" in first.output(), seconds=90,
                             why="the first worker to start rendering", process=first)
        first.kill()  # the whole worker, mid-render: no ack, no cleanup
        killed_at = time.monotonic()
    finally:
        first.stop()
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.PENDING

    second = _start_worker(tmp_path, "second", slow=0, **threshold)
    try:
        def done() -> bool:
            certificate.refresh_from_db()
            return certificate.render_status == Certificate.RenderStatus.DONE
        processes.wait_until(done, seconds=120, process=second,
                             why="the restarted worker to render the certificate")
        recovered_in = time.monotonic() - killed_at
    finally:
        second.stop()

    log = second.output(10**6)
    assert "certificates_render_pending_task" in log  # the start-up sweep did it
    assert recovered_in < 120, f"recovered in {recovered_in:.0f} s"
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert CertificateEvent.objects.filter(
        certificate=certificate, action=CertificateEvent.Action.RENDERED).count() == 1
