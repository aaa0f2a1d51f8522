"""Re-queue certificates whose PDF has been pending too long (e.g. the broker was down when
they were issued). Idempotent; run it from cron or let Celery beat run the same sweep."""

import datetime

from django.core.management.base import BaseCommand

from lms.certificates.rendering import certificates_render_pending


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument("--older-than", type=float, default=None, metavar="MINUTES",
                            help="default: settings.CERTIFICATES_PENDING_AFTER_MINUTES")

    def handle(self, *args, older_than: float | None, **options) -> None:
        delta = None if older_than is None else datetime.timedelta(minutes=older_than)
        count = certificates_render_pending(older_than=delta)
        self.stdout.write(f"{count} certificate(s) queued for rendering.")
