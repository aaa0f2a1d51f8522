"""Dashboard time at 220, 10,000 and 100,000 synthetic trainees.

    .venv/bin/uv run python bench/dashboard.py                 # SQLite files in /tmp
    .venv/bin/uv run python bench/dashboard.py --scales 220 10k
    .venv/bin/uv run python bench/dashboard.py --database-url postgres://postgres@127.0.0.1:5432/cascade_bench

Each scale gets a fresh database (SQLite: a new file; PostgreSQL: the synthetic rows of the
given database are replaced), then the national and a regional dashboard are rendered through
Django's test client as a national and a regional coordinator. Prints the median of the runs
and the number of SQL queries per page.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(runs: int) -> None:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lms.accounts import roles
    from lms.accounts.models import User
    from lms.regions.models import Region

    scale = os.environ["BENCH_SCALE"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("generate_synthetic", scale=scale, stdout=open(os.devnull, "w"))  # noqa: SIM115
    generated = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # Fresh bulk-loaded tables have no planner statistics until autovacuum gets to them
        # (a live database has them); without them the planner may pick a per-row plan that
        # reads every sitting of a quiz.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    groups = roles.ensure_roles()
    national, _ = User.objects.get_or_create(username="bench-national")
    national.groups.add(groups[roles.NATIONAL_COORDINATOR])
    regional, _ = User.objects.get_or_create(username="bench-kayes")
    regional.groups.add(groups[roles.REGIONAL_COORDINATOR])
    regional.coordinated_regions.add(Region.objects.get(iso_code="ML-1"))

    for label, user, url in [
        ("national", national, "/en/dashboard/"),
        ("national, region filter", national, "/en/dashboard/?region=kayes"),
        ("Kayes coordinator", regional, "/en/dashboard/"),
    ]:
        client = Client()
        client.force_login(user)
        client.get(url)  # warm-up
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - begin)
            assert response.status_code == 200, response.status_code
        print(f"{scale:>5} trainees | {label:<24} | {statistics.median(times) * 1000:8.0f} ms"
              f" | {len(queries.captured_queries):3d} queries | data generated in "
              f"{generated:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", nargs="+", default=["220", "10k", "100k"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="cascade-bench-") as tmp:
        for scale in args.scales:
            env = dict(os.environ, BENCH_SCALE=scale, LOG_LEVEL="WARNING",
                       DJANGO_SETTINGS_MODULE="lms.settings.test", MEDIA_ROOT=tmp,
                       DATABASE_URL=args.database_url or f"sqlite:///{tmp}/bench-{scale}.sqlite3")
            subprocess.run([sys.executable, __file__, "--measure", "--runs", str(args.runs)],
                           env=env, check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
