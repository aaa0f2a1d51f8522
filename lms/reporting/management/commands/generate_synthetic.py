"""Generate a synthetic country-scale dataset for load tests (marked "syn-", removable)."""

import time

from django.core.management.base import BaseCommand, CommandError

from lms.cohorts.models import CASCADE_MAX_LEVEL
from lms.reporting.synthetic import SCALES, synthetic_clear, synthetic_generate


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument("--trainees", type=int, default=220)
        parser.add_argument("--cohorts", type=int, default=None,
                            help="default: one cohort per ten trainees")
        parser.add_argument("--levels", type=int, default=4)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--repeat-share", type=float, default=0.0,
                            help="share of people enrolled in a second cohort (default 0)")
        parser.add_argument("--scale", choices=sorted(SCALES),
                            help="preset sizes: 220, 10k or 100k trainees")
        parser.add_argument("--keep", action="store_true",
                            help="keep an earlier synthetic dataset instead of replacing it")

    def handle(self, *args, trainees, cohorts, levels, seed, scale, keep, repeat_share,
               **options) -> None:
        if scale:
            trainees, cohorts = SCALES[scale]
        cohorts = cohorts or max(1, trainees // 10)
        if trainees < 1 or cohorts < 1 or not 1 <= levels <= CASCADE_MAX_LEVEL \
                or cohorts > trainees or not 0 <= repeat_share <= 1:
            raise CommandError(
                f"Need trainees ≥ cohorts ≥ 1, 1 ≤ levels ≤ {CASCADE_MAX_LEVEL} and a repeat "
                "share between 0 and 1.")
        started = time.perf_counter()
        if not keep:
            synthetic_clear()
        summary = synthetic_generate(trainees=trainees, cohorts=cohorts, levels=levels,
                                     seed=seed, repeat_share=repeat_share, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(
            f"{summary} in {time.perf_counter() - started:.1f} s"))
