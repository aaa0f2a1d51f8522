"""Recompute the dashboard's per-cohort totals from the enrollments (after a bulk load or a
restore), or with --check only report the cohorts whose totals differ (exit status 1)."""

import time

from django.core.management.base import BaseCommand, CommandError

from lms.reporting.rollups import totals_drift, totals_rebuild


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true",
                            help="compare with a recomputation, change nothing")

    def handle(self, *args, check: bool, **options) -> None:
        started = time.perf_counter()
        if check:
            drifted = totals_drift()
            if drifted:
                raise CommandError(f"{len(drifted)} cohorts (or repeat trainees, negative) "
                                   f"differ: {drifted[:20]}")
            self.stdout.write(self.style.SUCCESS(
                f"Totals exact ({time.perf_counter() - started:.1f} s)."))
            return
        rows = totals_rebuild()
        self.stdout.write(self.style.SUCCESS(
            f"{rows:,} rows of totals in {time.perf_counter() - started:.1f} s."))
