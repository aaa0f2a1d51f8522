"""The order in which each app loads its share of the demo data (`manage.py load_demo`).

Each step is idempotent and returns a one-line summary.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.test.utils import override_settings

from curriculum import demo as curriculum_demo
from lms.accounts import demo as accounts_demo
from lms.accounts.roles import ensure_roles
from lms.celery import app as celery_app
from lms.certificates import demo as certificates_demo
from lms.cohorts import demo as cohorts_demo
from lms.evaluations import demo as evaluations_demo
from lms.followups import demo as followups_demo
from lms.quizzes import demo as quizzes_demo
from lms.reporting.rollups import totals_rebuild

DROP_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


@contextmanager
def without_email() -> Iterator[None]:
    """The demo completes courses (certificate e-mails) and submits pages for review (Wagtail's
    notifications) for addresses that may exist: while it loads, mail is dropped, and tasks run
    here rather than on a worker that would send with its own mail settings."""
    saved = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        with override_settings(EMAIL_BACKEND=DROP_EMAIL):
            yield
    finally:
        celery_app.conf.task_always_eager = saved


def demo_steps() -> Iterator[tuple[str, Callable[[], object]]]:
    yield "roles", lambda: f"{len(ensure_roles())} groups"
    yield "curriculum", curriculum_demo.load
    yield "accounts", accounts_demo.load
    yield "cohorts", cohorts_demo.load
    yield "quizzes", quizzes_demo.load
    yield "certificates", certificates_demo.load
    yield "follow-ups", followups_demo.load
    yield "evaluations", evaluations_demo.load
    # The demo writes rows in bulk, past the services: the dashboard's totals follow here.
    yield "dashboard totals", lambda: f"{totals_rebuild():,} rows"
