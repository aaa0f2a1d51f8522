"""Dashboard time at 220, 10,000 and 100,000 synthetic trainees.

    .venv/bin/uv run python bench/dashboard.py                 # SQLite files in /tmp
    .venv/bin/uv run python bench/dashboard.py --scales 220 10k
    .venv/bin/uv run python bench/dashboard.py --database-url postgres://postgres@127.0.0.1:5432/cascade_bench

Each scale gets a fresh database (SQLite: a new file; PostgreSQL: the synthetic rows of the
given database are replaced), then the national and a regional dashboard are rendered through
Django's test client as a national and a regional coordinator. Prints the median of the runs
and the number of SQL queries per page, computed (the body forgotten before each request, as
on the first visit after a change: `lms/reporting/dashboard_cache.py`) and kept.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import scales  # after the path is set


def measure(runs: int) -> None:
    from lms.reporting.dashboard_cache import DASHBOARD

    generated, _ = scales.generate()
    national, regional = scales.coordinators()
    for label, user, url in [
        ("national", national, "/en/dashboard/"),
        ("national, region filter", national, "/en/dashboard/?region=kayes"),
        ("Kayes coordinator", regional, "/en/dashboard/"),
    ]:
        median_ms, queries = scales.time_page(user, url, runs, before_each=DASHBOARD.invalidate)
        kept_ms, kept_queries = scales.time_page(user, url, runs)
        print(f"{os.environ['BENCH_SCALE']:>5} trainees | {label:<24} | {median_ms:8.0f} ms"
              f" | {queries:3d} queries | kept {kept_ms:5.1f} ms, {kept_queries} queries"
              f" | data generated in {generated:.0f} s", flush=True)


if __name__ == "__main__":
    scales.main(doc=__doc__, script=__file__, measure=measure)
