"""A Celery worker killed (SIGKILL) in the middle of rendering a certificate: the message was
not acknowledged (acks_late), so it comes back to the next worker, which renders the PDF —
once, even when the pending sweep queues the same certificate again.

Real processes: Redis (database 6) as broker, the test database on PostgreSQL, two
`celery worker` processes in turn; the first renders deliberately slowly so the kill lands
mid-render. A short visibility timeout stands in for the hour production waits.
"""

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection

from lms.celery import app as celery_app
from lms.certificates import rendering, services
from lms.certificates.models import Certificate, CertificateEvent
from tests.factories import UserFactory, enroll, make_cohort

BROKER = "redis://127.0.0.1:6379/6"  # the proof helper's own Redis database
ROOT = Path(__file__).resolve().parents[2]
VISIBILITY_SECONDS = 4
# Start a worker whose PDF rendering first sleeps SLOW_RENDER seconds.
WORKER = f"""
import os, sys, time
from lms.celery import app
app.conf.broker_transport_options = {{"visibility_timeout": {VISIBILITY_SECONDS}}}
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


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}")


def _start_worker(tmp_path: Path, name: str, slow: float) -> tuple[subprocess.Popen, Path]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "DATABASE_URL": _database_url(), "CELERY_BROKER_URL": BROKER,
           "CELERY_TASK_ALWAYS_EAGER": "0", "MEDIA_ROOT": str(settings.MEDIA_ROOT),
           "AXES_ENABLED": "0", "SLOW_RENDER": str(slow)}
    log = tmp_path / f"{name}.log"
    process = subprocess.Popen([sys.executable, "-c", WORKER], cwd=ROOT, env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    return process, log


def _wait_for(condition, seconds: float, why: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out: {why}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


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

    first, first_log = _start_worker(tmp_path, "first", slow=120)
    try:
        certificate = services.certificate_issue_for_completion(enrollment=enrollment)
        _wait_for(lambda: "RENDER STARTED" in first_log.read_text(), 90,
                  "the first worker never started rendering")
        os.killpg(first.pid, signal.SIGKILL)  # mid-render: no ack, no cleanup
        first.wait(timeout=10)
    finally:
        _stop(first)
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.PENDING
    assert not certificate.pdf

    time.sleep(VISIBILITY_SECONDS + 1)  # the lost message is now due for redelivery
    # The sweep queues the same certificate once more, as beat would.
    assert rendering.certificates_render_pending(older_than=datetime.timedelta(0)) == 1
    second, second_log = _start_worker(tmp_path, "second", slow=0)
    try:
        def done() -> bool:
            certificate.refresh_from_db()
            return certificate.render_status == Certificate.RenderStatus.DONE
        _wait_for(done, 120, "the certificate was never rendered after the kill")
        _wait_for(lambda: second_log.read_text().count("succeeded") >= 2, 60,
                  "the redelivered message and the sweep's were not both consumed")
    finally:
        _stop(second)

    assert (Path(settings.MEDIA_ROOT) / certificate.pdf.name).stat().st_size > 1000
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert CertificateEvent.objects.filter(
        certificate=certificate, action=CertificateEvent.Action.RENDERED).count() == 1
