"""Two requests completing the same enrollment at once: one wins, one certificate request."""

import threading
from unittest import mock

import pytest

from django.db import connection

from lms.cohorts import services
from lms.cohorts.models import Attendance, Enrollment
from tests.factories import UserFactory, build_site_tree, enroll, make_cohort


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_completion_issues_one_certificate(monkeypatch):
    course = build_site_tree()["course"]
    course.completion_requires_post_test = False
    course.save()
    cohort = make_cohort(course=course)
    (enrollment,) = enroll(cohort, UserFactory())
    Attendance.objects.bulk_create([
        Attendance(enrollment=enrollment, date=day, status="present")
        for day in services.cohort_days(cohort=cohort)])
    issue = mock.Mock()
    monkeypatch.setattr(services.completion_seams, "on_completed", issue)
    barrier = threading.Barrier(4)
    results, errors = [], []

    def worker():
        try:
            stale = Enrollment.objects.select_related("cohort__course").get(pk=enrollment.pk)
            barrier.wait()
            results.append(services.completion_evaluate(enrollment=stale))
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and results == [True] * 4
    assert issue.call_count == 1
