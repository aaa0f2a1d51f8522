"""What the synthetic-scale benchmarks share (bench/dashboard.py, bench/indicators.py).

Each scale gets a fresh database in its own process (SQLite: a new file; PostgreSQL: the
synthetic rows of the given database are replaced); a national and a Kayes coordinator then
open pages through Django's test client, timed after one warm-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    """Django set up as a web process sets it up (`lms/wsgi.py`, its `gc.freeze()` included),
    with the settings of the environment (the test settings unless told otherwise)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import lms.wsgi  # noqa: F401


def generate(*, then: Callable[[], Any] | None = None) -> tuple[float, Any]:
    """Migrate and generate the synthetic data at `BENCH_SCALE`, run `then` (more bench data),
    and give PostgreSQL its statistics. Returns the seconds generating took and what `then`
    returned."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("generate_synthetic", scale=os.environ["BENCH_SCALE"],
                 repeat_share=float(os.environ.get("BENCH_REPEAT_SHARE", "0")),
                 stdout=open(os.devnull, "w"))  # noqa: SIM115
    generated = time.perf_counter() - started
    extra = then() if then else None
    if connection.vendor == "postgresql":
        # Fresh bulk-loaded tables have no planner statistics and no visibility map until
        # autovacuum gets to them (a live database has both): without statistics the planner
        # may pick a per-row plan that reads every sitting of a quiz, without the map every
        # index-only scan still reads the table.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return generated, extra


def coordinators() -> tuple[Any, Any]:
    """A national coordinator and the Kayes regional coordinator."""
    from lms.accounts import roles
    from lms.accounts.models import User
    from lms.regions.models import Region

    groups = roles.ensure_roles()
    national, _ = User.objects.get_or_create(username="bench-national")
    national.groups.add(groups[roles.NATIONAL_COORDINATOR])
    regional, _ = User.objects.get_or_create(username="bench-kayes")
    regional.groups.add(groups[roles.REGIONAL_COORDINATOR])
    regional.coordinated_regions.add(Region.objects.get(iso_code="ML-1"))
    return national, regional


def time_page(user: Any, url: str, runs: int,
              before_each: Callable[[], None] | None = None) -> tuple[float, int]:
    """The median milliseconds of `url` for `user` over `runs` (after a warm-up), and the SQL
    queries of the last run; `before_each()` runs before each request, untimed."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    client.get(url)  # warm-up
    times = []
    for _ in range(runs):
        if before_each is not None:
            before_each()
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - begin)
        assert response.status_code == 200, response.status_code
    return statistics.median(times) * 1000, len(queries.captured_queries)


def main(*, doc: str, script: str, measure: Callable[[int], None]) -> None:
    """The command line: `--measure` runs `measure` in this process (the database is set by
    the environment); otherwise `script` runs once per scale in a child process."""
    parser = argparse.ArgumentParser(description=doc,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", nargs="+", default=["220", "10k", "100k"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeat-share", default="0",
                        help="share of the synthetic people enrolled in a second cohort")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        setup_django()
        measure(args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="cascade-bench-") as tmp:
        for scale in args.scales:
            env = dict(os.environ, BENCH_SCALE=scale, BENCH_REPEAT_SHARE=args.repeat_share,
                       LOG_LEVEL="WARNING",
                       DJANGO_SETTINGS_MODULE="lms.settings.test", MEDIA_ROOT=tmp,
                       DATABASE_URL=args.database_url or f"sqlite:///{tmp}/bench-{scale}.sqlite3")
            subprocess.run([sys.executable, script, "--measure", "--runs", str(args.runs)],
                           env=env, check=True, cwd=ROOT)
