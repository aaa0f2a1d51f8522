"""Imports run one way (pyproject.toml's import-linter contract, run by .ci/run): where a rule
needs an app above it, that app plugs its function into an explicit seam at start-up."""

from lms.certificates import services as certificate_services
from lms.certificates import tasks as certificate_tasks
from lms.cohorts.services import completion_seams
from lms.quizzes import selectors as quiz_selectors
from lms.reporting import services as reporting_services
from lms.reporting import tasks as reporting_tasks


def test_apps_plug_their_functions_into_the_seams_at_start_up():
    assert completion_seams.post_test_passed is quiz_selectors.post_test_passed
    assert completion_seams.on_completed is certificate_services.certificate_issue_for_completion
    assert certificate_services.queue.render is certificate_tasks.certificate_render_enqueue
    assert certificate_services.queue.notify is certificate_tasks.certificate_notify_enqueue
    assert reporting_services.queue.build is reporting_tasks.export_build_enqueue
