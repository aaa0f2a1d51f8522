"""Exactly once under a real race: two threads, two PostgreSQL connections, one certificate."""

import threading

import pytest

from django.db import connection

from lms.certificates import services
from lms.certificates.models import Certificate
from lms.cohorts.models import Enrollment
from tests.certificates.factories import completed_enrollment


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_completions_give_one_certificate(site_tree, monkeypatch):
    enrollment = completed_enrollment(course=site_tree["course"])
    both_checked = threading.Barrier(2, timeout=20)
    original = services.certificate_valid_for

    def checked_then_wait(*, enrollment):
        found = original(enrollment=enrollment)
        if found is None:
            both_checked.wait()  # both threads have seen "no certificate yet": now both insert
        return found

    monkeypatch.setattr(services, "certificate_valid_for", checked_then_wait)
    results, errors = [], []

    def complete() -> None:
        try:
            fresh = Enrollment.objects.select_related("trainee", "cohort__course").get(
                pk=enrollment.pk)
            results.append(services.certificate_issue_for_completion(enrollment=fresh).pk)
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert Certificate.objects.get().events.filter(action="issued").count() == 1
