"""Demo data for this app, loaded by `manage.py load_demo` (see lms/core/demo.py). Idempotent.

Every completed enrollment gets its certificate and PDF, rendered in this process whatever the
broker settings, so the demo works offline. Demo trainees are not e-mailed.
"""

import time

from django.db.models import F, Q
from django.utils import timezone

from lms.cohorts.models import Enrollment

from . import rendering, services
from .models import Certificate


def load() -> str:
    started = time.perf_counter()
    missing = Enrollment.objects.filter(
        status=Enrollment.Status.COMPLETED, certificates=None
    ).select_related("trainee", "cohort__course")
    issued = [services.certificate_issue(enrollment=enrollment, render=False)
              for enrollment in missing]
    Certificate.objects.filter(pk__in=[c.pk for c in issued]).update(notified_at=timezone.now())
    to_render = list(Certificate.objects.filter(
        Q(rendered_version__lt=F("render_version")) | Q(pdf=""),
        status=Certificate.Status.VALID,
    ).values_list("pk", flat=True))
    logo = rendering.logo_png_current()
    for certificate_id in to_render:
        rendering.certificate_render(certificate_id=certificate_id, logo_png=logo)
    seconds = time.perf_counter() - started
    return f"{len(issued)} issued, {len(to_render)} PDFs rendered in {seconds:.1f}s"
