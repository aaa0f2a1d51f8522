"""Load the demo: three courses in English and French, users for every role, the eight
level-1 workshops with 220+ trainees and their downstream sessions, quizzes with realistic
attempts, and certificates. Idempotent: running it twice changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from lms.certificates.services import renders_batched
from lms.cohorts.figures import figures_deferred
from lms.core.demo import demo_steps, without_email


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options) -> None:
        with without_email(), renders_batched():
            for label, step in demo_steps():
                with transaction.atomic(), figures_deferred():
                    summary = step()
                self.stdout.write(f"{label}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
