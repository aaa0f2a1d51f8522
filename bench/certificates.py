"""Certificates per second for a cohort of 220: in-process (no broker) and through a real
Celery worker over Redis. Starts and stops its own worker.

    .venv/bin/uv run python bench/certificates.py [--trainees 220] [--concurrency N]
    .venv/bin/uv run python bench/certificates.py --database-url sqlite:////tmp/certificates.sqlite3

Uses PostgreSQL database `cascade_certificates_bench` unless `--database-url` (or
DATABASE_URL) names another, PostgreSQL or SQLite (a file: the worker is another process);
Redis database 4 (BENCH_BROKER_URL) and a temporary MEDIA_ROOT. Also prints the drawing alone,
so the bookkeeping's share (queries, file writes) shows.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR))
BROKER = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/4")
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/cascade_certificates_bench"
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="cascade-bench-media-"))
os.environ.update({"DJANGO_SETTINGS_MODULE": "lms.settings.dev", "DEBUG": "0",
                   "CELERY_BROKER_URL": BROKER, "CELERY_TASK_ALWAYS_EAGER": "1",
                   "LOG_LEVEL": "WARNING"})

from tests import processes  # noqa: E402  (after the path and environment are set)


def ensure_database() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite"):
        return  # migrate creates the file
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def cohort_of(size: int):
    import datetime

    from wagtail.models import Locale, Page

    from curriculum.models import CataloguePage, CoursePage, HomePage
    from lms.accounts.models import User
    from lms.cohorts.models import Cohort, Enrollment
    from lms.regions.models import Region

    code = f"bench-{size}"
    cohort = Cohort.objects.filter(code=code).first()
    if cohort:
        return cohort
    course = CoursePage.objects.filter(code="bench").first()
    if course is None:
        locale, _ = Locale.objects.get_or_create(language_code="en")
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Bench", slug="bench-home", locale=locale))
        catalogue = home.add_child(instance=CataloguePage(title="Courses", slug="courses"))
        course = catalogue.add_child(instance=CoursePage(
            title="Protection des migrants en situation de vulnérabilité", slug="bench",
            code="bench", summary="Benchmark course", duration_hours=24))
    cohort = Cohort.objects.create(
        name=f"Atelier de référence {size}", code=code, course=course,
        region=Region.objects.order_by("name").first(), start_date=datetime.date(2024, 3, 4),
        end_date=datetime.date(2024, 3, 6), hours=24)
    users = User.objects.bulk_create([
        User(username=f"bench-{size}-{n}", first_name="Aïssata", last_name=f"Kéïta {n}",
             language="fr" if n % 3 else "en") for n in range(size)])
    Enrollment.objects.bulk_create([
        Enrollment(cohort=cohort, trainee=user, status=Enrollment.Status.COMPLETED)
        for user in users])
    return cohort


def regenerate(cohort):
    from django.db import transaction

    from lms.certificates.services import certificates_regenerate_for_cohort

    with transaction.atomic():
        return certificates_regenerate_for_cohort(cohort=cohort, actor=None)


def drawing_alone(cohort) -> float:
    """Pages per second for the drawing only, on the same certificates."""
    from lms.certificates import pdf, rendering
    from lms.certificates.models import Certificate

    certificates = list(Certificate.objects.filter(enrollment__cohort=cohort).select_related(
        "enrollment__cohort__region", "enrollment__cohort__course")[:100])
    logo = rendering.logo_png_current()
    contents = [rendering.certificate_content(certificate=c, logo_png=logo)
                for c in certificates]
    started = time.perf_counter()
    for content in contents:
        pdf.certificate_pdf(content=content)
    return len(contents) / (time.perf_counter() - started)


def wait_for(batch, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.finished:
            return
        time.sleep(0.2)
    raise SystemExit(f"worker did not finish: {batch.done}/{batch.total} done")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=220)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL",
                                                                 DEFAULT_DATABASE),
                        help="default: DATABASE_URL, or PostgreSQL cascade_certificates_bench")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url  # read by Django's setup and the worker
    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from lms.celery import app
    from lms.certificates.models import Certificate

    call_command("migrate", verbosity=0)
    cohort = cohort_of(args.trainees)
    regenerate(cohort)  # issue the certificates and warm up (fonts, logo)
    print(f"cores: {os.cpu_count()}  trainees: {args.trainees}  database: "
          f"{connection.vendor}")

    started = time.perf_counter()
    batch = regenerate(cohort)
    seconds = time.perf_counter() - started
    assert batch.total == args.trainees, batch.total
    batch.refresh_from_db()
    print(f"in-process (no broker): {batch.done} PDFs in {seconds:.2f}s = "
          f"{batch.done / seconds:.1f} certificates/s")
    drawing = drawing_alone(cohort)
    print(f"drawing alone (pdf.certificate_pdf): {drawing:.1f} pages/s; end to end is "
          f"{100 * batch.done / seconds / drawing:.0f} % of it")

    env = {**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0"}
    worker = processes.start(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--loglevel", "WARNING",
         "--concurrency", str(args.concurrency), "--without-gossip", "--without-mingle",
         "--hostname", f"certificates-bench-{os.getpid()}@%h"],
        env=env, log=Path(os.environ["MEDIA_ROOT"]).parent / "worker.log", name="worker")
    try:
        app.conf.task_always_eager = False
        app.conf.broker_url = BROKER
        warm = regenerate(cohort)  # first batch also waits for the worker to boot
        wait_for(warm)
        started = time.perf_counter()
        batch = regenerate(cohort)
        wait_for(batch)
        seconds = time.perf_counter() - started
        print(f"Celery worker over Redis ({args.concurrency} processes): {batch.done} PDFs in "
              f"{seconds:.2f}s = {batch.done / seconds:.1f} certificates/s "
              f"({batch.failed} failed)")
    finally:
        worker.stop(timeout=30)
    rendered = Certificate.objects.filter(enrollment__cohort=cohort, render_status="done")
    print(f"{rendered.count()} certificates rendered, PDFs under {os.environ['MEDIA_ROOT']}")


if __name__ == "__main__":
    main()
